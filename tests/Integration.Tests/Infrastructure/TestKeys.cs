using System.Security.Cryptography;
using System.Text;

namespace Backend.Integration.Tests.Infrastructure;

public static class TestKeys
{
    public const string Client = "integration-client-key";
    public const string Customer = "integration-customer";
    public const string Operator = "integration-operator-key";

    /// <summary>The keys, and rate limits no test reaches: what every test host is configured with.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Auth:ApiKeys:0:KeyHash", Hash(Client)),
        new("Auth:ApiKeys:0:CustomerId", Customer),
        new("Auth:ApiKeys:0:Role", "Client"),
        new("Auth:ApiKeys:1:KeyHash", Hash(Operator)),
        new("Auth:ApiKeys:1:Role", "Operator"),
        // The load and fault tests send hundreds of orders and polls from one key within seconds.
        new("RateLimits:ClientPermitLimit", "1000000"),
        new("RateLimits:OperatorPermitLimit", "1000000"),
        new("RateLimits:AnonymousPermitLimit", "1000000"),
    ];

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
