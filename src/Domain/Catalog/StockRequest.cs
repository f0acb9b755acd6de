namespace Backend.Domain.Catalog;

public sealed record StockRequest(string Sku, int Quantity);

/// <summary>Outcome of an all-or-nothing reservation: on failure, <see cref="ShortSku"/> names a line that could not be covered.</summary>
public sealed record ReservationResult(bool Succeeded, string? ShortSku)
{
    public static ReservationResult Reserved { get; } = new(true, null);

    public static ReservationResult OutOfStock(string sku) => new(false, sku);
}

public enum ReceiptOutcome
{
    Counted,
    Duplicate,
    UnknownSku,

    /// <summary>Counting it would take on-hand past <see cref="ProductLimits.MaxOnHand"/>: not counted.</summary>
    OverLimit,
}

/// <summary>
/// A product's counters and the running totals kept in the same atomic updates: on-hand must equal everything
/// received less everything shipped (or written off), whatever retention has removed of the rows behind them.
/// </summary>
public sealed record StockCounters(string Sku, int OnHand, int Reserved, long ReceivedTotal, long ShippedTotal);

/// <summary>Units an order holds of a product.</summary>
public sealed record HeldReservation(Guid OrderId, string Sku, int Quantity);
