namespace Backend.Domain.Catalog;

/// <summary>
/// The catalog and its stock. Every stock operation is atomic and idempotent, keyed by order id or receipt id,
/// so a redelivered message never reserves, releases, ships or counts twice, with any number of processes.
/// </summary>
public interface IProductStore
{
    /// <summary>Creates the product with no stock, or updates its definition and keeps its stock.</summary>
    Task UpsertAsync(ProductDefinition definition, CancellationToken cancellationToken);

    Task<Product?> FindAsync(string sku, CancellationToken cancellationToken);

    Task<IReadOnlyList<Product>> FindManyAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken);

    /// <summary>All products, ordered by SKU.</summary>
    Task<IReadOnlyList<Product>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Reserves every line for the order or none of them. Calling it again for an order that already holds a
    /// reservation succeeds without reserving more.
    /// </summary>
    Task<ReservationResult> ReserveAsync(Guid orderId, IReadOnlyList<StockRequest> lines, CancellationToken cancellationToken);

    /// <summary>Gives the order's reserved units back; does nothing when it holds none.</summary>
    Task ReleaseAsync(Guid orderId, CancellationToken cancellationToken);

    /// <summary>Takes the order's reserved units off both on-hand and reserved; does nothing when it holds none.</summary>
    Task CommitAsync(Guid orderId, CancellationToken cancellationToken);

    /// <summary>Adds received units to on-hand, once per receipt id.</summary>
    Task<ReceiptOutcome> ReceiveAsync(string sku, int quantity, string receiptId, CancellationToken cancellationToken);

    /// <summary>Sets the low-stock flag; true only for the caller that actually changed it.</summary>
    Task<bool> TrySetBelowReorderPointAsync(string sku, bool below, CancellationToken cancellationToken);
}
