using Backend.Domain.Orders;

using Microsoft.Extensions.Logging;

using MongoDB.Driver;

namespace Backend.Store.Mongo;

internal sealed class MongoOrderStore(MongoStoreContext context, ILogger<MongoOrderStore> logger) : IOrderStore
{
    private static readonly FilterDefinitionBuilder<OrderDocument> Filter = Builders<OrderDocument>.Filter;
    private static readonly SortDefinitionBuilder<OrderDocument> Sort = Builders<OrderDocument>.Sort;

    public Task<AddOrderOutcome> TryAddAsync(Order order, CancellationToken cancellationToken) =>
        context.RunAsync("insert_order", async () =>
        {
            try
            {
                await context.Orders.InsertOneAsync(MongoMapping.ToDocument(order), cancellationToken: cancellationToken);
                return AddOrderOutcome.Added;
            }
            catch (MongoWriteException exception) when (exception.WriteError.Category == ServerErrorCategory.DuplicateKey)
            {
                // The server's duplicate-key code says a unique index refused the order; which one is read from the
                // stored state, not from the error's text (its wording differs between servers and versions). Only
                // _id and the idempotency key are unique, and a re-sent submission repeats both: report it as the
                // id, like the SQLite store does.
                if (await ExistsAsync(order.Id, cancellationToken))
                {
                    return AddOrderOutcome.DuplicateId;
                }

                if (order.Idempotency is not null)
                {
                    return AddOrderOutcome.DuplicateIdempotencyKey;
                }

                throw;
            }
        }, cancellationToken);

    public Task<Order?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        FindOneAsync("find_order", Filter.Eq(d => d.Id, id), cancellationToken);

    public Task<OrderStamp?> FindStampAsync(Guid id, CancellationToken cancellationToken) =>
        context.RunAsync("find_order_stamp", async () =>
        {
            var document = await context.Orders.Find(Filter.Eq(d => d.Id, id))
                .Project<OrderDocument>(Builders<OrderDocument>.Projection.Include(d => d.CustomerId).Include(d => d.Status).Include(d => d.Version))
                .FirstOrDefaultAsync(cancellationToken);
            return document is null ? null : new OrderStamp(document.CustomerId, document.Status, document.Version);
        }, cancellationToken);

    public Task<Order?> FindByIdempotencyKeyAsync(string customerId, string key, CancellationToken cancellationToken) =>
        FindOneAsync(
            "find_order_by_idempotency_key",
            Filter.Eq(d => d.CustomerId, customerId) & Filter.Eq(d => d.Idempotency!.Key, key),
            cancellationToken);

    public Task<bool> TryUpdateAsync(Order order, long expectedVersion, CancellationToken cancellationToken) =>
        context.RunAsync("update_order", async () =>
        {
            var result = await context.Orders.ReplaceOneAsync(
                Filter.Eq(d => d.Id, order.Id) & Filter.Eq(d => d.Version, expectedVersion),
                MongoMapping.ToDocument(order),
                cancellationToken: cancellationToken);
            if (result.MatchedCount == 0)
            {
                Log.OrderVersionConflict(logger, order.Id, expectedVersion);
            }

            return result.MatchedCount == 1;
        }, cancellationToken);

    public Task<OrderPage> ListAsync(OrderQuery query, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Page, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query));
        var filter = MongoOrderFilter.Build(query);
        return context.RunAsync("list_orders", async () =>
        {
            long? total = query.CountTotal ? await context.Orders.CountDocumentsAsync(filter, cancellationToken: cancellationToken) : null;
            // One document more than the page says whether another page follows.
            var documents = await context.Orders.Find(filter & MongoOrderFilter.After(query.After))
                .Sort(Sort.Descending(d => d.AcceptedAt).Ascending(d => d.Id))
                .Skip(query.After is null ? (query.Page - 1) * query.PageSize : 0)
                .Limit(query.PageSize + 1)
                .ToListAsync(cancellationToken);
            var items = documents.Take(query.PageSize).Select(MongoMapping.ToDomain).ToList();
            var next = documents.Count > query.PageSize ? OrderCursor.Of(items[^1]) : null;
            return new OrderPage(items, query.Page, query.PageSize, total, next);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<Order>> FindStaleAsync(
        IReadOnlyCollection<OrderStatus> statuses, DateTimeOffset updatedBefore, int limit, CancellationToken cancellationToken) =>
        FindManyAsync(
            "find_stale_orders",
            Filter.In(d => d.Status, statuses) & Filter.Lt(d => d.UpdatedAt, MongoMapping.Date(updatedBefore)),
            Sort.Ascending(d => d.UpdatedAt).Ascending(d => d.Id),
            limit,
            cancellationToken);

    public Task<IReadOnlyList<Order>> FindAcceptedBeforeAsync(
        IReadOnlyCollection<OrderStatus> statuses, DateTimeOffset acceptedBefore, int limit, CancellationToken cancellationToken) =>
        FindManyAsync(
            "find_orders_accepted_before",
            Filter.In(d => d.Status, statuses) & Filter.Lt(d => d.AcceptedAt, MongoMapping.Date(acceptedBefore)),
            Sort.Ascending(d => d.AcceptedAt).Ascending(d => d.Id),
            limit,
            cancellationToken);

    public Task<IReadOnlyList<Order>> FindSettlementPendingAsync(DateTimeOffset updatedBefore, int limit, CancellationToken cancellationToken) =>
        FindManyAsync(
            "find_orders_settlement_pending",
            Filter.Eq(d => d.SettlementPending, true) & Filter.Lt(d => d.UpdatedAt, MongoMapping.Date(updatedBefore)),
            Sort.Ascending(d => d.UpdatedAt).Ascending(d => d.Id),
            limit,
            cancellationToken);

    public Task<IReadOnlyList<Order>> FindPendingRequestsAsync(DateTimeOffset requestedBefore, int limit, CancellationToken cancellationToken) =>
        FindManyAsync(
            "find_orders_pending_requests",
            Filter.Lt(d => d.RequestAt, MongoMapping.Date(requestedBefore)),
            Sort.Ascending(d => d.RequestAt).Ascending(d => d.Id),
            limit,
            cancellationToken);

    public Task<IReadOnlyList<Order>> FindConfirmedBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        FindManyAsync(
            "find_orders_confirmed_between",
            Filter.Gte(d => d.ConfirmedAt, MongoMapping.Date(from)) & Filter.Lt(d => d.ConfirmedAt, MongoMapping.Date(to)),
            Sort.Ascending(d => d.ConfirmedAt).Ascending(d => d.Id),
            limit: null,
            cancellationToken);

    // A save already under way from a copy read before this puts the key back until the next pass: the version is
    // left alone so that forgetting a key never makes a live order's update fail.
    public Task<int> RemoveIdempotencyKeysBeforeAsync(DateTimeOffset acceptedBefore, CancellationToken cancellationToken) =>
        context.RunAsync("remove_idempotency_keys", async () =>
        {
            var result = await context.Orders.UpdateManyAsync(
                Filter.Exists(d => d.Idempotency) & Filter.Lt(d => d.AcceptedAt, MongoMapping.Date(acceptedBefore)),
                Builders<OrderDocument>.Update.Unset(d => d.Idempotency),
                cancellationToken: cancellationToken);
            return (int)result.ModifiedCount;
        }, cancellationToken);

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await context.RunAsync("ping", () => context.PingAsync(cancellationToken), cancellationToken);
        }
        catch (Exception exception) when (exception is MongoException or TimeoutException)
        {
            return false;
        }
    }

    private Task<bool> ExistsAsync(Guid id, CancellationToken cancellationToken) =>
        context.Orders.Find(Filter.Eq(d => d.Id, id)).AnyAsync(cancellationToken);

    private Task<Order?> FindOneAsync(string operation, FilterDefinition<OrderDocument> filter, CancellationToken cancellationToken) =>
        context.RunAsync(operation, async () =>
        {
            var document = await context.Orders.Find(filter).FirstOrDefaultAsync(cancellationToken);
            return document is null ? null : MongoMapping.ToDomain(document);
        }, cancellationToken);

    private Task<IReadOnlyList<Order>> FindManyAsync(
        string operation, FilterDefinition<OrderDocument> filter, SortDefinition<OrderDocument> sort, int? limit,
        CancellationToken cancellationToken)
    {
        if (limit is { } count)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count, nameof(limit));
        }

        return context.RunAsync<IReadOnlyList<Order>>(operation, async () =>
        {
            // Mongo reads a limit of 0 as "no limit"; the port means none.
            if (limit == 0)
            {
                return [];
            }

            var documents = await context.Orders.Find(filter).Sort(sort).Limit(limit).ToListAsync(cancellationToken);
            return [.. documents.Select(MongoMapping.ToDomain)];
        }, cancellationToken);
    }
}
