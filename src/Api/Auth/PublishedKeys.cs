namespace Backend.Api.Auth;

/// <summary>
/// The hashes of keys published in this repository (the README's demo keys, <c>.env.example</c>'s examples):
/// anyone can send them, so no host outside Development accepts them.
/// </summary>
internal static class PublishedKeys
{
    public static readonly IReadOnlySet<string> Hashes = new HashSet<string>(StringComparer.Ordinal)
    {
        ApiKeyHash.Compute("demo-client-key"),
        ApiKeyHash.Compute("demo-operator-key"),
        ApiKeyHash.Compute("client-demo-key-change-me"),
        ApiKeyHash.Compute("operator-demo-key-change-me"),
    };
}
