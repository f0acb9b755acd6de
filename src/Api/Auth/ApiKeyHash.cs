using System.Security.Cryptography;
using System.Text;

namespace Backend.Api.Auth;

/// <summary>How keys are stored: the lowercase hex SHA-256 of the key's UTF-8 bytes.</summary>
public static class ApiKeyHash
{
    public static string Compute(string apiKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));

    public static bool IsWellFormed(string? keyHash) =>
        keyHash is { Length: 64 } && keyHash.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
