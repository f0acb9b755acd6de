namespace Backend.Integration.Tests.Infrastructure;

/// <summary>
/// Every test here drives the backend's real queues, whose names are fixed by contract, so the tests take the
/// broker one at a time and each starts from purged queues.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrokerCollection
{
    public const string Name = "Broker";
}
