namespace Backend.Api.Tests.Infrastructure;

/// <summary>One ingress for all HTTP tests; each test makes its own orders, so they stay independent.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "Api";
}
