using Backend.Domain.Pricing;

namespace Backend.Domain.Orders;

/// <summary>
/// The order document: the single source of truth for where an order stands. Every transition returns a new
/// order with the next <see cref="Version"/> and a timeline entry; stores save it only over the version it came from.
/// </summary>
public sealed record Order
{
    public required Guid Id { get; init; }
    public required string CustomerId { get; init; }
    public required IReadOnlyList<OrderLine> Lines { get; init; }
    public required string PaymentToken { get; init; }
    public required ShipTo ShipTo { get; init; }
    public required DateTimeOffset AcceptedAt { get; init; }
    public required OrderStatus Status { get; init; }
    public required IReadOnlyList<TimelineEntry> Timeline { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; }
    public string? Reason { get; init; }
    public string? ReasonDetail { get; init; }
    public OrderTotals? Totals { get; init; }
    public string? AuthorizationId { get; init; }
    public DateTimeOffset? ConfirmedAt { get; init; }
    public Shipment? Shipment { get; init; }
    public IdempotencyRecord? Idempotency { get; init; }
    public string? TraceId { get; init; }

    public static Order Accept(
        Guid id,
        string customerId,
        IReadOnlyList<OrderLine> lines,
        string paymentToken,
        ShipTo shipTo,
        DateTimeOffset at,
        IdempotencyRecord? idempotency = null,
        string? traceId = null) => new()
        {
            Id = id,
            CustomerId = customerId,
            Lines = lines,
            PaymentToken = paymentToken,
            ShipTo = shipTo,
            AcceptedAt = at,
            Status = OrderStatus.Accepted,
            Timeline = [new TimelineEntry(OrderStatus.Accepted, at)],
            UpdatedAt = at,
            Version = 1,
            Idempotency = idempotency,
            TraceId = traceId,
        };

    /// <summary>Stock is held for every line; the order carries its catalog prices from now on.</summary>
    public Order Reserve(PriceQuote quote, DateTimeOffset at) =>
        MoveTo(OrderStatus.Reserved, at) with { Lines = quote.Lines, Totals = quote.Totals };

    public Order Confirm(string authorizationId, DateTimeOffset at) =>
        MoveTo(OrderStatus.Confirmed, at) with { AuthorizationId = authorizationId, ConfirmedAt = at };

    public Order Reject(string reason, string? detail, DateTimeOffset at) =>
        MoveTo(OrderStatus.Rejected, at, reason) with { Reason = reason, ReasonDetail = detail };

    public Order Ship(Shipment shipment, DateTimeOffset at) =>
        MoveTo(OrderStatus.Shipped, at) with { Shipment = shipment };

    public Order Cancel(string requestedBy, DateTimeOffset at) =>
        MoveTo(OrderStatus.Cancelled, at, $"Cancelled by {requestedBy}");

    public Order Expire(DateTimeOffset at) => MoveTo(OrderStatus.Expired, at);

    public bool CanMoveTo(OrderStatus next) => OrderTransitions.IsAllowed(Status, next);


    private Order MoveTo(OrderStatus next, DateTimeOffset at, string? reason = null)
    {
        if (!CanMoveTo(next))
        {
            throw new InvalidOrderTransitionException(Id, Status, next);
        }

        return this with
        {
            Status = next,
            Timeline = [.. Timeline, new TimelineEntry(next, at, reason)],
            UpdatedAt = at,
            Version = Version + 1,
        };
    }
}
