namespace Backend.Domain.Orders;

/// <summary>The shape every order must have, whether it comes over HTTP or straight from the broker.</summary>
public static class OrderLimits
{
    public const int MaxLines = 100;
    public const int MaxQuantity = 1000;
    public const int MaxPaymentTokenLength = 100;
    public const int MaxAddressFieldLength = 200;

    public static bool IsQuantity(int? quantity) => quantity is >= 1 and <= MaxQuantity;

    public static bool IsPaymentToken(string? token) => !string.IsNullOrWhiteSpace(token) && token.Length <= MaxPaymentTokenLength;

    public static bool IsAddressField(string? value) => value is null || value.Length <= MaxAddressFieldLength;

    /// <summary>An ISO 3166 alpha-2 code, in upper case.</summary>
    public static bool IsCountry(string? country) => country is { Length: 2 } && country.All(char.IsAsciiLetterUpper);
}
