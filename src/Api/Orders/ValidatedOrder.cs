using System.Security.Cryptography;
using System.Text.Json;

using Backend.Domain.Orders;

namespace Backend.Api.Orders;

/// <summary>A submission that passed the shape checks, normalized (country in upper case, blank optionals as null).</summary>
public sealed record ValidatedOrder(IReadOnlyList<OrderLine> Lines, string PaymentToken, ShipTo ShipTo)
{
    private static readonly JsonSerializerOptions CanonicalJson = new(JsonSerializerDefaults.General);

    /// <summary>
    /// Hex SHA-256 over a fixed serialization of the normalized request, so the same order sent again with the
    /// same Idempotency-Key matches whatever the client's JSON formatting, field order or extra fields.
    /// </summary>
    public string Fingerprint()
    {
        var canonical = JsonSerializer.SerializeToUtf8Bytes(
            new { Lines = Lines.Select(line => new { line.Sku, line.Quantity }), PaymentToken, ShipTo },
            CanonicalJson);
        return Convert.ToHexStringLower(SHA256.HashData(canonical));
    }
}
