using Backend.Domain.Orders;

namespace Backend.Store;

/// <summary>
/// The one precision every adapter keeps instants at: whole milliseconds, what a BSON date holds. SQLite could keep
/// 100 ns, but then an order read back, or a cutoff compared, would differ between the two stores.
/// </summary>
internal static class StoredInstant
{
    /// <summary>The instant in UTC, cut down to the millisecond (the part below is dropped, as a BSON date drops it).</summary>
    public static DateTimeOffset Of(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public static DateTimeOffset? Of(DateTimeOffset? value) => value is { } instant ? Of(instant) : null;

    /// <summary>The order with every instant it carries at store precision.</summary>
    public static Order Of(Order order) => order with
    {
        AcceptedAt = Of(order.AcceptedAt),
        UpdatedAt = Of(order.UpdatedAt),
        ConfirmedAt = Of(order.ConfirmedAt),
        Timeline = [.. order.Timeline.Select(entry => entry with { At = Of(entry.At) })],
        CancelRequest = order.CancelRequest is { } cancel ? cancel with { At = Of(cancel.At) } : null,
        ShipmentRequest = order.ShipmentRequest is { } request ? request with { At = Of(request.At) } : null,
        Conflicts = [.. order.Conflicts.Select(conflict => conflict with { At = Of(conflict.At) })],
    };
}
