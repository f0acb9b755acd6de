namespace Backend.Api.Auth;

public static class ApiClaims
{
    public const string Scheme = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string CustomerId = "customer_id";
}
