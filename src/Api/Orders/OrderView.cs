using Backend.Api.OpenApi;
using Backend.Domain.Orders;

namespace Backend.Api.Orders;

/// <summary>What a client sees of an order; the payment token never leaves the store.</summary>
public sealed record OrderView(
    Guid Id,
    string CustomerId,
    OrderStatus Status,
    [property: OneOfConstants(typeof(RejectionReason))] string? Reason,
    string? ReasonDetail,
    IReadOnlyList<OrderLineView> Lines,
    OrderTotalsView? Totals,
    IReadOnlyList<TimelineEntryView> Timeline,
    DateTimeOffset AcceptedAt,
    DateTimeOffset UpdatedAt,
    ShipmentView? Shipment,
    IReadOnlyList<ShipmentConflictView> Conflicts,
    string? TraceId)
{
    public static OrderView From(Order order) => new(
        order.Id,
        order.CustomerId,
        order.Status,
        order.Reason,
        order.ReasonDetail,
        [.. order.Lines.Select(line => new OrderLineView(line.Sku, line.Quantity, line.UnitPrice, line.LineTotal))],
        order.Totals is { } totals
            ? new OrderTotalsView(totals.Subtotal, totals.Discount, totals.Tax, totals.Total, totals.Currency)
            : null,
        [.. order.Timeline.Select(entry => new TimelineEntryView(entry.Status, entry.At, entry.Reason))],
        order.AcceptedAt,
        order.UpdatedAt,
        order.Shipment is { } shipment ? new ShipmentView(shipment.Carrier, shipment.TrackingNumber) : null,
        [.. order.Conflicts.Select(conflict => new ShipmentConflictView(
            conflict.Shipment.Carrier, conflict.Shipment.TrackingNumber, conflict.Status, conflict.At, conflict.UnitsShort))],
        order.TraceId);
}

public sealed record OrderLineView(string Sku, int Quantity, decimal? UnitPrice, decimal? LineTotal);

public sealed record OrderTotalsView(decimal Subtotal, decimal Discount, decimal Tax, decimal Total, string Currency);

public sealed record TimelineEntryView(OrderStatus Status, DateTimeOffset At, string? Reason);

public sealed record ShipmentView(string Carrier, string TrackingNumber);

/// <summary>A shipment the order could not take, kept for the operator.</summary>
public sealed record ShipmentConflictView(string Carrier, string TrackingNumber, OrderStatus Status, DateTimeOffset At, int UnitsShort);
