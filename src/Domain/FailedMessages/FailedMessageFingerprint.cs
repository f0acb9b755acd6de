using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Backend.Domain.FailedMessages;

/// <summary>
/// What makes a thousand copies of one fault one group: the message type, the exception type and the reason with
/// the ids and numbers of the single message taken out.
/// </summary>
public static partial class FailedMessageFingerprint
{
    public const string IdPlaceholder = "{id}";
    public const string NumberPlaceholder = "{n}";

    /// <summary>The reason with <paramref name="ids"/> (the order id or SKU the message names), GUIDs, quoted values and numbers replaced.</summary>
    public static string Pattern(string reason, params IEnumerable<string?> ids)
    {
        var pattern = reason;
        foreach (var id in ids.Where(id => !string.IsNullOrWhiteSpace(id)).OrderByDescending(id => id!.Length))
        {
            pattern = pattern.Replace(id!, IdPlaceholder, StringComparison.Ordinal);
        }

        pattern = Guids().Replace(pattern, IdPlaceholder);
        pattern = Numbers().Replace(pattern, NumberPlaceholder);
        return pattern;
    }

    /// <summary>16 hex digits of SHA-256 over type, exception type and pattern.</summary>
    public static string Of(string messageType, string exceptionType, string pattern)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{messageType}\n{exceptionType}\n{pattern}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    [GeneratedRegex(@"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")]
    private static partial Regex Guids();

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex Numbers();
}
