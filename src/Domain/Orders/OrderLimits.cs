namespace Backend.Domain.Orders;

/// <summary>The shape every order must have, whether it comes over HTTP or straight from the broker.</summary>
public static class OrderLimits
{
    public const int MaxLines = 100;
    public const int MaxQuantity = 1000;
    public const int MaxCustomerIdLength = 100;
    public const int MaxPaymentTokenLength = 100;
    public const int MaxAddressFieldLength = 200;
    public const int MaxRequestedByLength = 100;

    public static bool IsQuantity(int? quantity) => quantity is >= 1 and <= MaxQuantity;

    public static bool IsCustomerId(string? customerId) => Text.IsBounded(customerId, MaxCustomerIdLength);

    public static bool IsPaymentToken(string? token) => Text.IsBounded(token, MaxPaymentTokenLength);

    public static bool IsAddressField(string? value) => value is null || value.Length <= MaxAddressFieldLength;

    public static bool IsRequestedBy(string? requestedBy) => Text.IsBounded(requestedBy, MaxRequestedByLength);

    /// <summary>An ISO 3166 alpha-2 code, in upper case.</summary>
    public static bool IsCountry(string? country) => country is { Length: 2 } && country.All(char.IsAsciiLetterUpper);
}
