using Backend.Domain.Catalog;

using MongoDB.Driver;

namespace Backend.Store.Mongo;

internal sealed class MongoProductStore(MongoStoreContext context, MongoStock stock) : IProductStore
{
    private static readonly FilterDefinitionBuilder<ProductDocument> Filter = Builders<ProductDocument>.Filter;

    // Reservations and receipt ids are bookkeeping for the stock operations; reads of the catalog never need them.
    private static readonly ProjectionDefinition<ProductDocument, ProductDocument> CatalogFields =
        Builders<ProductDocument>.Projection.Exclude(d => d.Reservations).Exclude(d => d.ReceiptIds);

    public Task UpsertAsync(ProductDefinition definition, CancellationToken cancellationToken) =>
        context.RunAsync("upsert_product", () => context.Products.UpdateOneAsync(
            Filter.Eq(d => d.Sku, definition.Sku),
            Builders<ProductDocument>.Update
                .Set(d => d.Name, definition.Name)
                .Set(d => d.UnitPrice, definition.UnitPrice)
                .Set(d => d.Active, definition.Active)
                .Set(d => d.ReorderPoint, definition.ReorderPoint)
                .SetOnInsert(d => d.OnHand, 0)
                .SetOnInsert(d => d.Reserved, 0)
                .SetOnInsert(d => d.BelowReorderPoint, false)
                .SetOnInsert(d => d.ReceivedTotal, 0)
                .SetOnInsert(d => d.ShippedTotal, 0)
                .SetOnInsert(d => d.Reservations, [])
                .SetOnInsert(d => d.ReceiptIds, []),
            new UpdateOptions { IsUpsert = true },
            cancellationToken), cancellationToken);

    public Task<Product?> FindAsync(string sku, CancellationToken cancellationToken) =>
        context.RunAsync("find_product", async () =>
        {
            var document = await context.Products.Find(Filter.Eq(d => d.Sku, sku)).Project(CatalogFields).FirstOrDefaultAsync(cancellationToken);
            return document is null ? null : MongoMapping.ToDomain(document);
        }, cancellationToken);

    public Task<IReadOnlyList<Product>> FindManyAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken) =>
        FindProductsAsync("find_products", Filter.In(d => d.Sku, skus), cancellationToken);

    public Task<IReadOnlyList<Product>> ListAsync(CancellationToken cancellationToken) =>
        FindProductsAsync("list_products", Filter.Empty, cancellationToken);

    public Task<ReservationResult> ReserveAsync(Guid orderId, IReadOnlyList<StockRequest> lines, CancellationToken cancellationToken)
    {
        var combined = StockLines.Combine(lines);
        return context.RunAsync("reserve_stock", () => stock.ReserveAsync(orderId, combined, cancellationToken), cancellationToken);
    }

    public Task ReleaseAsync(Guid orderId, CancellationToken cancellationToken) =>
        context.RunAsync("release_stock", () => stock.SettleAsync(orderId, commit: false, cancellationToken), cancellationToken);

    public Task CommitAsync(Guid orderId, CancellationToken cancellationToken) =>
        context.RunAsync("commit_stock", () => stock.SettleAsync(orderId, commit: true, cancellationToken), cancellationToken);

    public Task<int> WriteOffReleasedAsync(Guid orderId, CancellationToken cancellationToken) =>
        context.RunAsync("write_off_released_stock", () => stock.WriteOffReleasedAsync(orderId, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<StockCounters>> ListStockCountersAsync(CancellationToken cancellationToken) =>
        context.RunAsync<IReadOnlyList<StockCounters>>("list_stock_counters", async () =>
        {
            var documents = await context.Products.Find(Filter.Empty)
                .Project(CatalogFields)
                .Sort(Builders<ProductDocument>.Sort.Ascending(d => d.Sku))
                .ToListAsync(cancellationToken);
            return [.. documents.Select(d => new StockCounters(d.Sku, d.OnHand, d.Reserved, d.ReceivedTotal, d.ShippedTotal))];
        }, cancellationToken);

    public Task<IReadOnlyList<HeldReservation>> ListHeldReservationsAsync(CancellationToken cancellationToken) =>
        context.RunAsync<IReadOnlyList<HeldReservation>>("list_held_reservations", async () =>
        {
            // Only products holding something are read, with their reservation entries and nothing else.
            var documents = await context.Products
                .Find(Filter.ElemMatch(d => d.Reservations, r => r.State == ReservationState.Held))
                .Project<ProductDocument>(Builders<ProductDocument>.Projection.Include(d => d.Sku).Include(d => d.Reservations))
                .Sort(Builders<ProductDocument>.Sort.Ascending(d => d.Sku))
                .ToListAsync(cancellationToken);
            return [.. documents.SelectMany(d => d.Reservations
                .Where(r => r.State == ReservationState.Held)
                .OrderBy(r => r.OrderId)
                .Select(r => new HeldReservation(r.OrderId, d.Sku, r.Quantity)))];
        }, cancellationToken);

    public Task<ReceiptOutcome> ReceiveAsync(string sku, int quantity, string receiptId, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        return context.RunAsync("receive_stock", () => stock.ReceiveAsync(sku, quantity, receiptId, cancellationToken), cancellationToken);
    }

    public Task<bool> TrySetBelowReorderPointAsync(string sku, bool below, CancellationToken cancellationToken) =>
        context.RunAsync("set_below_reorder_point", async () =>
        {
            // Conditional on the counters as they are now, not as the caller read them.
            var counters = below
                ? Filter.Where(d => d.OnHand - d.Reserved < d.ReorderPoint)
                : Filter.Where(d => d.OnHand - d.Reserved >= d.ReorderPoint);
            var result = await context.Products.UpdateOneAsync(
                Filter.Eq(d => d.Sku, sku) & Filter.Ne(d => d.BelowReorderPoint, below) & counters,
                Builders<ProductDocument>.Update.Set(d => d.BelowReorderPoint, below),
                cancellationToken: cancellationToken);
            return result.ModifiedCount == 1;
        }, cancellationToken);

    private Task<IReadOnlyList<Product>> FindProductsAsync(
        string operation, FilterDefinition<ProductDocument> filter, CancellationToken cancellationToken) =>
        context.RunAsync<IReadOnlyList<Product>>(operation, async () =>
        {
            var documents = await context.Products.Find(filter)
                .Project(CatalogFields)
                .Sort(Builders<ProductDocument>.Sort.Ascending(d => d.Sku))
                .ToListAsync(cancellationToken);
            return [.. documents.Select(MongoMapping.ToDomain)];
        }, cancellationToken);
}
