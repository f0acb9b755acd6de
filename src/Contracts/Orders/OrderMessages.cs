namespace Backend.Contracts.Orders;

/// <summary>One line of an order as a client sends it: prices are never taken from the client.</summary>
public sealed record OrderLineItem(string Sku, int Quantity);

/// <summary>Where the order ships; the country decides the tax rate.</summary>
public sealed record ShippingAddress(
    string Country,
    string? Name = null,
    string? Line1 = null,
    string? City = null,
    string? PostalCode = null);

/// <summary>
/// The whole order: the ingress publishes it once recorded, and other systems may publish it directly.
/// <see cref="SubmittedAt"/> is the publisher's own record and may be left out; the backend counts from arrival.
/// </summary>
public sealed record SubmitOrder(
    Guid OrderId,
    string CustomerId,
    IReadOnlyList<OrderLineItem> Lines,
    string PaymentToken,
    ShippingAddress ShipTo,
    DateTimeOffset SubmittedAt = default);

public sealed record CancelOrder(Guid OrderId, string RequestedBy);

/// <summary>Internal: an order that sat in Accepted or Reserved too long is expired.</summary>
public sealed record ExpireOrder(Guid OrderId);

public sealed record OrderAccepted(Guid OrderId, string CustomerId, DateTimeOffset At);

public sealed record OrderConfirmed(Guid OrderId, string CustomerId, decimal Total, string Currency, DateTimeOffset At);

public sealed record OrderRejected(Guid OrderId, string CustomerId, string Reason, string? Detail, DateTimeOffset At);

public sealed record OrderCancelled(Guid OrderId, string CustomerId, DateTimeOffset At);

public sealed record OrderExpired(Guid OrderId, string CustomerId, DateTimeOffset At);

public sealed record OrderShipped(Guid OrderId, string CustomerId, string Carrier, string TrackingNumber, DateTimeOffset At);

/// <summary>
/// The warehouse reported a shipment the order could not take: it was no longer confirmed (<see cref="Status"/>
/// says what it was), or it had shipped with another parcel. <see cref="UnitsShort"/> counts units that left but
/// could not be taken off on-hand because other orders hold them: an operator must resolve the conflict.
/// </summary>
public sealed record OrderShipmentConflict(
    Guid OrderId, string CustomerId, string Status, string Carrier, string TrackingNumber, int UnitsShort, DateTimeOffset At);
