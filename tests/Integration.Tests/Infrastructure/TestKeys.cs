using System.Security.Cryptography;
using System.Text;

namespace Backend.Integration.Tests.Infrastructure;

public static class TestKeys
{
    public const string Client = "integration-client-key";
    public const string Customer = "integration-customer";
    public const string Operator = "integration-operator-key";

    public static IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Auth:ApiKeys:0:KeyHash", Hash(Client)),
        new("Auth:ApiKeys:0:CustomerId", Customer),
        new("Auth:ApiKeys:0:Role", "Client"),
        new("Auth:ApiKeys:1:KeyHash", Hash(Operator)),
        new("Auth:ApiKeys:1:Role", "Operator"),
    ];

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
