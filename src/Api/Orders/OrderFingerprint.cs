using System.Security.Cryptography;
using System.Text.Json;

using Backend.Validation.Orders;

namespace Backend.Api.Orders;

public static class OrderFingerprint
{
    private static readonly JsonSerializerOptions CanonicalJson = new(JsonSerializerDefaults.General);

    /// <summary>
    /// Hex SHA-256 over a fixed serialization of the normalized request, so the same order sent again with the
    /// same Idempotency-Key matches whatever the client's JSON formatting, field order or extra fields.
    /// </summary>
    public static string Of(OrderContent content)
    {
        var canonical = JsonSerializer.SerializeToUtf8Bytes(
            new { Lines = content.Lines.Select(line => new { line.Sku, line.Quantity }), content.PaymentToken, content.ShipTo },
            CanonicalJson);
        return Convert.ToHexStringLower(SHA256.HashData(canonical));
    }
}
