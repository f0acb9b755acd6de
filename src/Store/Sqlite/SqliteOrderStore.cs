using System.Text.Json;

using Backend.Domain.Orders;

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Backend.Store.Sqlite;

internal sealed class SqliteOrderStore(SqliteDatabase database, ILogger<SqliteOrderStore> logger) : IOrderStore
{
    private const string Columns =
        "customer_id, status, accepted_at, updated_at, confirmed_at, version, idempotency_key, settlement_pending, request_at, document";

    public Task<AddOrderOutcome> TryAddAsync(Order order, CancellationToken cancellationToken) =>
        database.UseTransactionAsync("insert_order", async (connection, transaction) =>
        {
            var id = SqliteValues.Id(order.Id);
            if (await connection.ScalarAsync("SELECT 1 FROM orders WHERE id = @id", cancellationToken, transaction, ("@id", id)) is not null)
            {
                return AddOrderOutcome.DuplicateId;
            }

            if (order.Idempotency is { } idempotency && await connection.ScalarAsync(
                "SELECT 1 FROM orders WHERE customer_id = @customer AND idempotency_key = @key",
                cancellationToken, transaction, ("@customer", order.CustomerId), ("@key", idempotency.Key)) is not null)
            {
                return AddOrderOutcome.DuplicateIdempotencyKey;
            }

            await connection.ExecuteAsync(
                $"INSERT INTO orders (id, {Columns}) VALUES (@id, @customer, @status, @accepted, @updated, @confirmed, @version, @key, @pending, @request, @document)",
                cancellationToken, transaction, Parameters(order));
            return AddOrderOutcome.Added;
        }, cancellationToken);

    public Task<Order?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        FindOneAsync("find_order", "id = @id", cancellationToken, ("@id", SqliteValues.Id(id)));

    public Task<OrderStamp?> FindStampAsync(Guid id, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("find_order_stamp", async connection =>
        {
            var rows = await connection.QueryAsync(
                "SELECT customer_id, status, version FROM orders WHERE id = @id",
                reader => new OrderStamp(reader.GetString(0), Enum.Parse<OrderStatus>(reader.GetString(1)), reader.GetInt64(2)),
                cancellationToken, null, ("@id", SqliteValues.Id(id)));
            return rows.Count == 0 ? null : rows[0];
        }, cancellationToken);

    public Task<Order?> FindByIdempotencyKeyAsync(string customerId, string key, CancellationToken cancellationToken) =>
        FindOneAsync("find_order_by_idempotency_key", "customer_id = @customer AND idempotency_key = @key", cancellationToken,
            ("@customer", customerId), ("@key", key));

    public Task<bool> TryUpdateAsync(Order order, long expectedVersion, CancellationToken cancellationToken) =>
        database.UseWriteAsync("update_order", async connection =>
        {
            var changed = await connection.ExecuteAsync(
                """
                UPDATE orders SET customer_id = @customer, status = @status, accepted_at = @accepted, updated_at = @updated,
                    confirmed_at = @confirmed, version = @version, idempotency_key = @key, settlement_pending = @pending,
                    request_at = @request, document = @document
                WHERE id = @id AND version = @expected
                """,
                cancellationToken, null, [.. Parameters(order), ("@expected", expectedVersion)]);
            if (changed == 0)
            {
                Log.OrderVersionConflict(logger, order.Id, expectedVersion);
            }

            return changed == 1;
        }, cancellationToken);

    public Task<OrderPage> ListAsync(OrderQuery query, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Page, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query));
        var (where, parameters) = SqliteOrderFilter.Build(query);
        return database.UseConnectionAsync("list_orders", async connection =>
        {
            // One read transaction, so the count and the page come from the same snapshot.
            await using var transaction = connection.BeginTransaction(deferred: true);
            long? total = query.CountTotal
                ? Convert.ToInt64(await connection.ScalarAsync($"SELECT COUNT(*) FROM orders {where}", cancellationToken, transaction, parameters))
                : null;
            var (pageWhere, pageParameters) = SqliteOrderFilter.After(where, parameters, query.After);
            // One row more than the page says whether another page follows.
            var rows = await connection.QueryAsync(
                ListSql(pageWhere),
                ReadOrder, cancellationToken, transaction,
                [.. pageParameters, ("@take", query.PageSize + 1),
                    ("@skip", query.After is null ? (long)(query.Page - 1) * query.PageSize : 0L)]);
            var items = rows.Take(query.PageSize).ToList();
            var next = rows.Count > query.PageSize ? OrderCursor.Of(items[^1]) : null;
            return new OrderPage(items, query.Page, query.PageSize, total, next);
        }, cancellationToken);
    }

    /// <summary>The page query of a listing; its ORDER BY is what the listing indexes are shaped for.</summary>
    internal static string ListSql(string where) =>
        $"SELECT document FROM orders {where} ORDER BY accepted_at DESC, id ASC LIMIT @take OFFSET @skip";

    public Task<IReadOnlyList<Order>> FindStaleAsync(
        IReadOnlyCollection<OrderStatus> statuses, DateTimeOffset updatedBefore, int limit, CancellationToken cancellationToken) =>
        FindByStatusAsync("find_stale_orders", "updated_at", statuses, updatedBefore, limit, cancellationToken);

    public Task<IReadOnlyList<Order>> FindAcceptedBeforeAsync(
        IReadOnlyCollection<OrderStatus> statuses, DateTimeOffset acceptedBefore, int limit, CancellationToken cancellationToken) =>
        FindByStatusAsync("find_orders_accepted_before", "accepted_at", statuses, acceptedBefore, limit, cancellationToken);

    public Task<IReadOnlyList<Order>> FindSettlementPendingAsync(DateTimeOffset updatedBefore, int limit, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("find_orders_settlement_pending", connection => connection.QueryAsync(
            "SELECT document FROM orders WHERE settlement_pending = 1 AND updated_at < @before ORDER BY updated_at, id LIMIT @limit",
            ReadOrder, cancellationToken, null, ("@before", SqliteValues.Instant(updatedBefore)), ("@limit", limit)),
            cancellationToken);

    public Task<IReadOnlyList<Order>> FindPendingRequestsAsync(DateTimeOffset requestedBefore, int limit, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("find_orders_pending_requests", connection => connection.QueryAsync(
            "SELECT document FROM orders WHERE request_at IS NOT NULL AND request_at < @before ORDER BY request_at, id LIMIT @limit",
            ReadOrder, cancellationToken, null, ("@before", SqliteValues.Instant(requestedBefore)), ("@limit", limit)),
            cancellationToken);

    public Task<IReadOnlyList<Order>> FindConfirmedBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("find_orders_confirmed_between", connection => connection.QueryAsync(
            "SELECT document FROM orders WHERE confirmed_at >= @from AND confirmed_at < @to ORDER BY confirmed_at, id",
            ReadOrder, cancellationToken, null, ("@from", SqliteValues.Instant(from)), ("@to", SqliteValues.Instant(to))),
            cancellationToken);

    // The key goes from the column and from the document, so neither a lookup nor a read-modify-save brings it back.
    // A save already under way from a copy read before this keeps it until the next pass: the version is left alone
    // so that forgetting a key never makes a live order's update fail.
    public Task<int> RemoveIdempotencyKeysBeforeAsync(DateTimeOffset acceptedBefore, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("remove_idempotency_keys", connection => connection.ExecuteAsync(
            """
            UPDATE orders SET idempotency_key = NULL, document = json_remove(document, '$.idempotency')
            WHERE idempotency_key IS NOT NULL AND accepted_at < @before
            """,
            cancellationToken, null, ("@before", SqliteValues.Instant(acceptedBefore))),
            cancellationToken);

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await database.UseConnectionAsync("ping", async connection =>
                Convert.ToInt64(await connection.ScalarAsync("SELECT 1", cancellationToken)) == 1, cancellationToken);
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private Task<IReadOnlyList<Order>> FindByStatusAsync(
        string operation, string column, IReadOnlyCollection<OrderStatus> statuses, DateTimeOffset before, int limit,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return database.UseConnectionAsync(operation, connection => connection.QueryAsync(
            $"""
            SELECT document FROM orders
            WHERE status IN (SELECT value FROM json_each(@statuses)) AND {column} < @before
            ORDER BY {column}, id LIMIT @limit
            """,
            ReadOrder, cancellationToken, null,
            ("@statuses", JsonSerializer.Serialize(statuses.Select(status => status.ToString()))),
            ("@before", SqliteValues.Instant(before)), ("@limit", limit)),
            cancellationToken);
    }

    private Task<Order?> FindOneAsync(string operation, string where, CancellationToken cancellationToken, params (string, object?)[] parameters) =>
        database.UseConnectionAsync(operation, async connection =>
        {
            var rows = await connection.QueryAsync($"SELECT document FROM orders WHERE {where}", ReadOrder, cancellationToken, null, parameters);
            return rows.Count == 0 ? null : rows[0];
        }, cancellationToken);

    private static Order ReadOrder(SqliteDataReader reader) => OrderJson.Deserialize(reader.GetString(0));

    private static (string, object?)[] Parameters(Order order)
    {
        // The document keeps the same instants as the columns, at the precision every store keeps.
        var stored = StoredInstant.Of(order);
        return
        [
            ("@id", SqliteValues.Id(stored.Id)),
            ("@customer", stored.CustomerId),
            ("@status", stored.Status.ToString()),
            ("@accepted", SqliteValues.Instant(stored.AcceptedAt)),
            ("@updated", SqliteValues.Instant(stored.UpdatedAt)),
            ("@confirmed", SqliteValues.InstantOrNull(stored.ConfirmedAt)),
            ("@version", stored.Version),
            ("@key", stored.Idempotency?.Key),
            ("@pending", stored.SettlementPending),
            ("@request", SqliteValues.InstantOrNull(stored.PendingRequestSince)),
            ("@document", OrderJson.Serialize(stored)),
        ];
    }
}
