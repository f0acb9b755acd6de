using System.ComponentModel.DataAnnotations;

namespace Backend.Api.Auth;

public enum ApiRole
{
    Client,
    Operator,
}

/// <summary>
/// One accepted key, held as the lowercase hex SHA-256 of the key itself (<see cref="KeyHash"/>), or given as the
/// key itself (<see cref="Key"/>, say from a secret store), which is hashed on start and whose length is checked.
/// </summary>
public sealed class ApiKeyEntry
{
    public string KeyHash { get; set; } = "";

    public string? Key { get; set; }

    public string? CustomerId { get; set; }

    public ApiRole Role { get; set; } = ApiRole.Client;
}

public sealed class ApiKeyOptions
{
    public const string SectionName = "Auth";

    /// <summary>The shortest key accepted outside Development, where it is given as <see cref="ApiKeyEntry.Key"/>.</summary>
    public const int MinKeyLength = 32;

    [Required]
    public List<ApiKeyEntry> ApiKeys { get; set; } = [];
}
