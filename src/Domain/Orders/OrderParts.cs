namespace Backend.Domain.Orders;

/// <summary>A line of an order; the prices are filled in when the workers price it from the catalog.</summary>
public sealed record OrderLine(string Sku, int Quantity, decimal? UnitPrice = null, decimal? LineTotal = null);

public sealed record ShipTo(string Country, string? Name = null, string? Line1 = null, string? City = null, string? PostalCode = null);

public sealed record OrderTotals(decimal Subtotal, decimal Discount, decimal Tax, decimal Total, string Currency);

public sealed record TimelineEntry(OrderStatus Status, DateTimeOffset At, string? Reason = null);

public sealed record Shipment(string Carrier, string TrackingNumber);

/// <summary>Ties an order to the client's Idempotency-Key and a fingerprint of the request body.</summary>
public sealed record IdempotencyRecord(string Key, string RequestFingerprint);

/// <summary>A cancel the API accepted, recorded before it was published.</summary>
public sealed record CancelRequest(string RequestedBy, DateTimeOffset At);

/// <summary>A shipment the API accepted, recorded before it was published.</summary>
public sealed record ShipmentRequest(Shipment Shipment, DateTimeOffset At);

/// <summary>
/// A shipment the order could not take: the order was <paramref name="Status"/> when it arrived.
/// <paramref name="UnitsShort"/> counts units that left the warehouse but could not be taken off on-hand, because
/// other orders hold them now: an operator must resolve those.
/// </summary>
public sealed record ShipmentConflict(Shipment Shipment, OrderStatus Status, DateTimeOffset At, int UnitsShort = 0)
{
    public const string Reason = "ShipmentConflict";

    public string Describe() =>
        $"{Reason}: {Shipment.Carrier} {Shipment.TrackingNumber} arrived while {Status}" +
        (UnitsShort > 0 ? $"; {UnitsShort} units could not be taken off on-hand" : "");
}
