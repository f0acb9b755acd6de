using Backend.Domain.Catalog;

using MongoDB.Driver;

namespace Backend.Store.Mongo;

internal sealed class MongoProductStore(MongoStoreContext context, MongoStock stock) : IProductStore
{
    private static readonly FilterDefinitionBuilder<ProductDocument> Filter = Builders<ProductDocument>.Filter;

    // Reservations and receipt ids are bookkeeping for the stock operations; reads of the catalog never need them.
    private static readonly ProjectionDefinition<ProductDocument, ProductDocument> CatalogFields =
        Builders<ProductDocument>.Projection.Exclude(d => d.Reservations).Exclude(d => d.ReceiptIds).Exclude(d => d.Receipts);

    // Not one update with upsert: with the version in its filter, an upsert that misses a stale product inserts and
    // fails on the duplicate _id, so the usual stale case (a redelivery) would cost a failed write. The update comes
    // first and the insert only where it missed; products are never deleted, so a miss on a product that exists is
    // settled by the same update once more.
    public Task<UpsertOutcome> UpsertAsync(ProductDefinition definition, CancellationToken cancellationToken) =>
        context.RunAsync("upsert_product", async () =>
        {
            var newer = Filter.Eq(d => d.Sku, definition.Sku) & (definition.Version is { } version
                ? Filter.Eq(d => d.Version, null) | Filter.Lt(d => d.Version, version)
                : Filter.Empty);
            var changes = Changes(definition);
            if ((await context.Products.UpdateOneAsync(newer, changes, cancellationToken: cancellationToken)).MatchedCount == 1)
            {
                return UpsertOutcome.Applied;
            }

            if (definition is { Name: { } name, UnitPrice: { } price })
            {
                if (await TryInsertAsync(NewDocument(definition, name, price), cancellationToken))
                {
                    return UpsertOutcome.Applied;
                }
            }
            else if (await context.Products.CountDocumentsAsync(
                Filter.Eq(d => d.Sku, definition.Sku), new CountOptions { Limit = 1 }, cancellationToken) == 0)
            {
                return UpsertOutcome.Incomplete;
            }

            // The product exists: stale, or created by a concurrent upsert after the first update missed it.
            var again = await context.Products.UpdateOneAsync(newer, changes, cancellationToken: cancellationToken);
            return again.MatchedCount == 1 ? UpsertOutcome.Applied : UpsertOutcome.Stale;
        }, cancellationToken);

    /// <summary>Sets only what the definition carries: a field left out keeps its stored value.</summary>
    private static UpdateDefinition<ProductDocument> Changes(ProductDefinition definition)
    {
        var update = Builders<ProductDocument>.Update;
        var changes = new List<UpdateDefinition<ProductDocument>>();
        if (definition.Name is { } name)
        {
            changes.Add(update.Set(d => d.Name, name));
        }

        if (definition.UnitPrice is { } price)
        {
            changes.Add(update.Set(d => d.UnitPrice, price));
        }

        if (definition.Active is { } active)
        {
            changes.Add(update.Set(d => d.Active, active));
        }

        if (definition.ReorderPoint is { } reorderPoint)
        {
            changes.Add(update.Set(d => d.ReorderPoint, reorderPoint));
        }

        // An unversioned change keeps the stored version, so an older versioned message stays stale after it.
        if (definition.Version is { } version)
        {
            changes.Add(update.Set(d => d.Version, version));
        }

        // MongoDB refuses an empty update; re-setting the key changes nothing and still reports the match.
        return changes.Count == 0 ? update.Set(d => d.Sku, definition.Sku) : update.Combine(changes);
    }

    private static ProductDocument NewDocument(ProductDefinition definition, string name, decimal unitPrice) => new()
    {
        Sku = definition.Sku,
        Name = name,
        UnitPrice = unitPrice,
        Active = definition.Active ?? ProductDefinition.DefaultActive,
        ReorderPoint = definition.ReorderPoint ?? ProductDefinition.DefaultReorderPoint,
        Version = definition.Version,
    };

    private async Task<bool> TryInsertAsync(ProductDocument document, CancellationToken cancellationToken)
    {
        try
        {
            await context.Products.InsertOneAsync(document, cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException exception) when (exception.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            return false;
        }
    }

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

    public Task<int> RemoveSettledReservationsBeforeAsync(DateTimeOffset settledBefore, CancellationToken cancellationToken) =>
        context.RunAsync("remove_settled_reservations", () => stock.RemoveSettledReservationsBeforeAsync(settledBefore, cancellationToken), cancellationToken);

    public Task<int> RemoveReceiptsBeforeAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken) =>
        context.RunAsync("remove_stock_receipts", () => stock.RemoveReceiptsBeforeAsync(receivedBefore, cancellationToken), cancellationToken);

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
