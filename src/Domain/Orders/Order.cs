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

    /// <summary>
    /// Set with every final state, cleared once stock and payment agree with it (released and voided, or committed
    /// and captured): a process that dies in between leaves the mark, and the settlement sweep finishes the job.
    /// </summary>
    public bool SettlementPending { get; init; }

    /// <summary>A cancel accepted over HTTP and recorded here before it was published; re-sent until it takes effect.</summary>
    public CancelRequest? CancelRequest { get; init; }

    /// <summary>A shipment recorded over HTTP before it was published; re-sent until it takes effect.</summary>
    public ShipmentRequest? ShipmentRequest { get; init; }

    /// <summary>Shipments the warehouse reported that this order could not take, oldest first.</summary>
    public IReadOnlyList<ShipmentConflict> Conflicts { get; init; } = [];

    /// <summary>A recorded cancel that has not taken effect: the order is not final yet.</summary>
    public bool CancelPending => CancelRequest is not null && !Status.IsFinal();

    /// <summary>
    /// A recorded shipment that has neither shipped the order nor been kept as a conflict. A cancel that took effect
    /// first does not settle it: the goods left all the same, and the conflict takes them off on-hand.
    /// </summary>
    public bool ShipmentPending =>
        ShipmentRequest is { Shipment: var shipment }
        && !(Status == OrderStatus.Shipped && Shipment == shipment)
        && Conflicts.All(conflict => conflict.Shipment != shipment);

    /// <summary>A request recorded here that has not taken effect.</summary>
    public bool HasPendingRequest => CancelPending || ShipmentPending;

    /// <summary>When the oldest pending request was recorded, or null when none is pending.</summary>
    public DateTimeOffset? PendingRequestSince =>
        new[] { CancelPending ? CancelRequest?.At : null, ShipmentPending ? ShipmentRequest?.At : null }.Where(at => at is not null).Min();

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

    /// <summary>Records a cancel before it is sent; the first request stands, a repeat changes nothing.</summary>
    public Order RequestCancel(string requestedBy, DateTimeOffset at)
    {
        EnsureCanMoveTo(OrderStatus.Cancelled);
        return CancelRequest is not null ? this : this with { CancelRequest = new CancelRequest(requestedBy, at), Version = Version + 1 };
    }

    /// <summary>Records a shipment of a confirmed order before it is sent; the first request stands.</summary>
    public Order RequestShipment(Shipment shipment, DateTimeOffset at)
    {
        EnsureCanMoveTo(OrderStatus.Shipped);
        return ShipmentRequest is not null ? this : this with { ShipmentRequest = new ShipmentRequest(shipment, at), Version = Version + 1 };
    }

    /// <summary>Stock and payment now agree with the final state.</summary>
    public Order Settled() =>
        SettlementPending ? this with { SettlementPending = false, Version = Version + 1 } : this;

    /// <summary>
    /// Keeps a shipment this order cannot take (it is no longer confirmed, or shipped with another parcel) on the
    /// order and its timeline, once per carrier and tracking number. The status does not change.
    /// </summary>
    public Order RecordConflict(Shipment shipment, int unitsShort, DateTimeOffset at)
    {
        if (Conflicts.Any(conflict => conflict.Shipment == shipment))
        {
            return this;
        }

        var conflict = new ShipmentConflict(shipment, Status, at, unitsShort);
        return this with
        {
            Conflicts = [.. Conflicts, conflict],
            Timeline = [.. Timeline, new TimelineEntry(Status, at, conflict.Describe())],
            Version = Version + 1,
        };
    }


    private Order MoveTo(OrderStatus next, DateTimeOffset at, string? reason = null)
    {
        EnsureCanMoveTo(next);
        return this with
        {
            Status = next,
            Timeline = [.. Timeline, new TimelineEntry(next, at, reason)],
            UpdatedAt = at,
            Version = Version + 1,
            SettlementPending = next.IsFinal(),
        };
    }

    private void EnsureCanMoveTo(OrderStatus next)
    {
        if (!CanMoveTo(next))
        {
            throw new InvalidOrderTransitionException(Id, Status, next);
        }
    }
}
