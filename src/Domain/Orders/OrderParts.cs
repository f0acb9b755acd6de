namespace Backend.Domain.Orders;

/// <summary>A line of an order; the prices are filled in when the workers price it from the catalog.</summary>
public sealed record OrderLine(string Sku, int Quantity, decimal? UnitPrice = null, decimal? LineTotal = null);

public sealed record ShipTo(string Country, string? Name = null, string? Line1 = null, string? City = null, string? PostalCode = null);

public sealed record OrderTotals(decimal Subtotal, decimal Discount, decimal Tax, decimal Total, string Currency);

public sealed record TimelineEntry(OrderStatus Status, DateTimeOffset At, string? Reason = null);

public sealed record Shipment(string Carrier, string TrackingNumber);

/// <summary>Ties an order to the client's Idempotency-Key and a fingerprint of the request body.</summary>
public sealed record IdempotencyRecord(string Key, string RequestFingerprint);
