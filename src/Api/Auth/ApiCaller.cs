using System.Security.Claims;

namespace Backend.Api.Auth;

/// <summary>Who is calling, as far as the endpoints care: a customer's client, or an operator.</summary>
public sealed record ApiCaller(string? CustomerId, bool IsOperator)
{
    /// <summary>What an operator's actions are attributed to, where no customer is involved.</summary>
    public const string OperatorName = "operator";

    public string Name => IsOperator ? OperatorName : CustomerId ?? "";

    public static ApiCaller From(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ApiClaims.CustomerId), user.IsInRole(nameof(ApiRole.Operator)));

    /// <summary>Operators see every order; a client only its own customer's.</summary>
    public bool MaySee(string orderCustomerId) => IsOperator || (CustomerId is not null && CustomerId == orderCustomerId);
}
