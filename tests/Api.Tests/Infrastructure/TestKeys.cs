using Backend.Api.Auth;

using Microsoft.AspNetCore.Hosting;

namespace Backend.Api.Tests.Infrastructure;

/// <summary>The API keys every test host knows; each client key belongs to its own customer.</summary>
public static class TestKeys
{
    public const string ClientA = "test-client-a-key";
    public const string CustomerA = "customer-a";
    public const string ClientB = "test-client-b-key";
    public const string CustomerB = "customer-b";

    // Used only by the listing tests, so their counts never see another test's orders.
    public const string ListClient = "test-list-client-key";
    public const string ListCustomer = "customer-list";

    public const string Operator = "test-operator-key";

    public static void Configure(IWebHostBuilder builder)
    {
        (string Key, string? CustomerId, ApiRole Role)[] keys =
        [
            (ClientA, CustomerA, ApiRole.Client),
            (ClientB, CustomerB, ApiRole.Client),
            (ListClient, ListCustomer, ApiRole.Client),
            (Operator, null, ApiRole.Operator),
        ];

        for (var i = 0; i < keys.Length; i++)
        {
            builder.UseSetting($"Auth:ApiKeys:{i}:KeyHash", ApiKeyHash.Compute(keys[i].Key));
            builder.UseSetting($"Auth:ApiKeys:{i}:CustomerId", keys[i].CustomerId);
            builder.UseSetting($"Auth:ApiKeys:{i}:Role", keys[i].Role.ToString());
        }
    }
}
