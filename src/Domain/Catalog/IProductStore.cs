namespace Backend.Domain.Catalog;

/// <summary>
/// The catalog and its stock. Every stock operation is atomic and idempotent, keyed by order id or by receipt id
/// and SKU, so a redelivered message never reserves, releases, ships or counts twice, with any number of processes.
/// </summary>
public interface IProductStore
{
    /// <summary>
    /// Creates the product with no stock, or updates its definition and keeps its stock, in one atomic step: only
    /// when the definition is newer than the stored one (an unversioned definition, or a product stored without a
    /// version, always applies), and only the fields it carries (the others keep their stored values, or on a
    /// create take the defaults). A product never stored is created only by a definition that can create it.
    /// </summary>
    Task<UpsertOutcome> UpsertAsync(ProductDefinition definition, CancellationToken cancellationToken);

    Task<Product?> FindAsync(string sku, CancellationToken cancellationToken);

    Task<IReadOnlyList<Product>> FindManyAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken);

    /// <summary>All products, ordered by SKU.</summary>
    Task<IReadOnlyList<Product>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Reserves every line for the order or none of them, at most once per order ever. Once the order has reserved,
    /// calling it again succeeds without reserving, whether its stock is still held, was committed, or was
    /// released: a released order was rejected, cancelled or expired, so it must not hold stock again, and the
    /// caller's versioned save of the order then fails and finds it final. A call that finds a line short takes
    /// back what it reserved, so the order may try again.
    /// </summary>
    Task<ReservationResult> ReserveAsync(Guid orderId, IReadOnlyList<StockRequest> lines, CancellationToken cancellationToken);

    /// <summary>
    /// Gives the order's held units back, once; does nothing when they were released or committed before, or never
    /// held.
    /// </summary>
    Task ReleaseAsync(Guid orderId, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the order's held units off both on-hand and reserved, once; does nothing when they were committed or
    /// released before, or never held.
    /// </summary>
    Task CommitAsync(Guid orderId, CancellationToken cancellationToken);

    /// <summary>
    /// For goods that left the warehouse after the order's hold was released (a shipment of a cancelled order): takes
    /// its released units off on-hand, once, as far as stock no other order holds allows. Returns the units that could
    /// not be taken because other orders hold them now; zero when called again.
    /// </summary>
    Task<int> WriteOffReleasedAsync(Guid orderId, CancellationToken cancellationToken);

    /// <summary>Every product's counters with the running totals they must agree with, ordered by SKU (for the audit).</summary>
    Task<IReadOnlyList<StockCounters>> ListStockCountersAsync(CancellationToken cancellationToken);

    /// <summary>Every reservation still held, one per order and SKU (for the audit).</summary>
    Task<IReadOnlyList<HeldReservation>> ListHeldReservationsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Adds received units to on-hand, once per receipt id and SKU: one receipt may cover several SKUs. A receipt
    /// that would take on-hand past <see cref="ProductLimits.MaxOnHand"/> is not counted.
    /// </summary>
    Task<ReceiptOutcome> ReceiveAsync(string sku, int quantity, string receiptId, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the low-stock flag only where the counters agree as they are now, not as the caller read them: to true
    /// only while available (on-hand less reserved) is below the reorder point, to false only while it is not.
    /// True only for the caller that actually changed it.
    /// </summary>
    Task<bool> TrySetBelowReorderPointAsync(string sku, bool below, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the reservations released or committed before <paramref name="settledBefore"/>; held ones stay. An
    /// order whose reservation went can no longer be told apart from one that never reserved, so the retention must
    /// outlast every way a message of a final order can still arrive. Returns how many went.
    /// </summary>
    Task<int> RemoveSettledReservationsBeforeAsync(DateTimeOffset settledBefore, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the receipt ids recorded before <paramref name="receivedBefore"/>: a receipt delivered again after its
    /// id went is counted again. Returns how many went.
    /// </summary>
    Task<int> RemoveReceiptsBeforeAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken);
}
