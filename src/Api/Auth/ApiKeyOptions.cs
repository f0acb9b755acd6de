using System.ComponentModel.DataAnnotations;

namespace Backend.Api.Auth;

public enum ApiRole
{
    Client,
    Operator,
}

/// <summary>One accepted key, stored only as the lowercase hex SHA-256 of the key itself.</summary>
public sealed class ApiKeyEntry
{
    public string KeyHash { get; set; } = "";

    public string? CustomerId { get; set; }

    public ApiRole Role { get; set; } = ApiRole.Client;
}

public sealed class ApiKeyOptions
{
    public const string SectionName = "Auth";

    [Required]
    public List<ApiKeyEntry> ApiKeys { get; set; } = [];
}
