namespace Backend.Api.Auth;

public static class ApiClaims
{
    public const string Scheme = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string CustomerId = "customer_id";

    /// <summary>The first 16 hex digits of the key's hash: names the key (rate limits, logs) without revealing it.</summary>
    public const string KeyId = "key_id";
}
