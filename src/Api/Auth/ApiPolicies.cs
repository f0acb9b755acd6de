namespace Backend.Api.Auth;

public static class ApiPolicies
{
    public const string Client = nameof(Client);
    public const string Operator = nameof(Operator);
    public const string AnyKey = nameof(AnyKey);
}
