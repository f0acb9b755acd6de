using System.Text.Json;

using Backend.Domain.Catalog;

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Backend.Store.Sqlite;

internal sealed class SqliteProductStore(SqliteDatabase database, TimeProvider time, ILogger<SqliteProductStore> logger) : IProductStore
{
    private const string Select =
        "SELECT sku, name, unit_price, active, on_hand, reserved, reorder_point, below_reorder_point, version FROM products";

    // COALESCE keeps each stored field the definition leaves out; only a newer version, or none, changes anything.
    private const string Changes =
        "name = COALESCE(@name, name), unit_price = COALESCE(@price, unit_price), active = COALESCE(@active, active), " +
        "reorder_point = COALESCE(@reorder, reorder_point), version = COALESCE(@version, version)";

    private const string Newer = "(@version IS NULL OR products.version IS NULL OR products.version < @version)";

    public Task<UpsertOutcome> UpsertAsync(ProductDefinition definition, CancellationToken cancellationToken)
    {
        (string, object?)[] parameters =
        [
            ("@sku", definition.Sku), ("@name", definition.Name),
            ("@price", definition.UnitPrice is { } price ? SqliteValues.Money(price) : null),
            ("@active", definition.Active), ("@reorder", definition.ReorderPoint), ("@version", definition.Version),
            ("@defaultActive", ProductDefinition.DefaultActive), ("@defaultReorder", ProductDefinition.DefaultReorderPoint),
        ];

        if (definition.CanCreate)
        {
            // One conditional UPSERT: SQLite runs it under the file's write lock, so no other writer comes between
            // the version check and the change.
            return database.UseWriteAsync("upsert_product", async connection =>
                await connection.ExecuteAsync(
                    $"""
                    INSERT INTO products (sku, name, unit_price, active, reorder_point, version)
                    VALUES (@sku, @name, @price, COALESCE(@active, @defaultActive), COALESCE(@reorder, @defaultReorder), @version)
                    ON CONFLICT (sku) DO UPDATE SET {Changes} WHERE {Newer}
                    """,
                    cancellationToken, null, parameters) == 1 ? UpsertOutcome.Applied : UpsertOutcome.Stale,
                cancellationToken);
        }

        // A partial definition may only change a product. The transaction holds the write lock, so a product missing
        // at the update is still missing when the outcome is decided.
        return database.UseTransactionAsync("update_product", async (connection, transaction) =>
        {
            var changed = await connection.ExecuteAsync(
                $"UPDATE products SET {Changes} WHERE sku = @sku AND {Newer}", cancellationToken, transaction, parameters);
            if (changed == 1)
            {
                return UpsertOutcome.Applied;
            }

            var exists = await connection.ScalarAsync(
                "SELECT 1 FROM products WHERE sku = @sku", cancellationToken, transaction, ("@sku", definition.Sku));
            return exists is null ? UpsertOutcome.Incomplete : UpsertOutcome.Stale;
        }, cancellationToken);
    }

    public Task<Product?> FindAsync(string sku, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("find_product", async connection =>
        {
            var rows = await connection.QueryAsync($"{Select} WHERE sku = @sku", ReadProduct, cancellationToken, null, ("@sku", sku));
            return rows.Count == 0 ? null : rows[0];
        }, cancellationToken);

    public Task<IReadOnlyList<Product>> FindManyAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("find_products", connection => connection.QueryAsync(
            $"{Select} WHERE sku IN (SELECT value FROM json_each(@skus)) ORDER BY sku",
            ReadProduct, cancellationToken, null, ("@skus", JsonSerializer.Serialize(skus))),
            cancellationToken);

    public Task<IReadOnlyList<Product>> ListAsync(CancellationToken cancellationToken) =>
        database.UseConnectionAsync("list_products", connection =>
            connection.QueryAsync($"{Select} ORDER BY sku", ReadProduct, cancellationToken),
            cancellationToken);

    public Task<ReservationResult> ReserveAsync(Guid orderId, IReadOnlyList<StockRequest> lines, CancellationToken cancellationToken)
    {
        var combined = StockLines.Combine(lines);
        return database.UseTransactionAsync("reserve_stock", async (connection, transaction) =>
        {
            var result = await SqliteStock.ReserveAsync(connection, transaction, orderId, combined, cancellationToken);
            if (!result.Succeeded)
            {
                Log.StockShort(logger, orderId, result.ShortSku!);
            }

            return result;
        }, cancellationToken);
    }

    public Task ReleaseAsync(Guid orderId, CancellationToken cancellationToken) =>
        database.UseTransactionAsync("release_stock", (connection, transaction) =>
            SqliteStock.SettleAsync(connection, transaction, orderId, commit: false, time.GetUtcNow(), cancellationToken), cancellationToken);

    public Task CommitAsync(Guid orderId, CancellationToken cancellationToken) =>
        database.UseTransactionAsync("commit_stock", (connection, transaction) =>
            SqliteStock.SettleAsync(connection, transaction, orderId, commit: true, time.GetUtcNow(), cancellationToken), cancellationToken);

    public Task<int> WriteOffReleasedAsync(Guid orderId, CancellationToken cancellationToken) =>
        database.UseTransactionAsync("write_off_released_stock", (connection, transaction) =>
            SqliteStock.WriteOffReleasedAsync(connection, transaction, orderId, time.GetUtcNow(), cancellationToken), cancellationToken);

    public Task<IReadOnlyList<StockCounters>> ListStockCountersAsync(CancellationToken cancellationToken) =>
        database.UseConnectionAsync("list_stock_counters", connection => connection.QueryAsync(
            "SELECT sku, on_hand, reserved, received_total, shipped_total FROM products ORDER BY sku",
            reader => new StockCounters(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt64(3), reader.GetInt64(4)),
            cancellationToken),
            cancellationToken);

    public Task<IReadOnlyList<HeldReservation>> ListHeldReservationsAsync(CancellationToken cancellationToken) =>
        database.UseConnectionAsync("list_held_reservations", connection => connection.QueryAsync(
            "SELECT order_id, sku, quantity FROM reservations WHERE state = 'held' ORDER BY sku, order_id",
            reader => new HeldReservation(Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetInt32(2)),
            cancellationToken),
            cancellationToken);

    public Task<ReceiptOutcome> ReceiveAsync(string sku, int quantity, string receiptId, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        return database.UseTransactionAsync("receive_stock", async (connection, transaction) =>
        {
            var outcome = await SqliteStock.ReceiveAsync(connection, transaction, sku, quantity, receiptId, time.GetUtcNow(), cancellationToken);
            if (outcome == ReceiptOutcome.Duplicate)
            {
                Log.DuplicateReceipt(logger, receiptId, sku);
            }

            return outcome;
        }, cancellationToken);
    }

    public Task<bool> TrySetBelowReorderPointAsync(string sku, bool below, CancellationToken cancellationToken) =>
        // Conditional on the counters as they are now, not as the caller read them.
        database.UseWriteAsync("set_below_reorder_point", async connection => await connection.ExecuteAsync(
            """
            UPDATE products SET below_reorder_point = @below
            WHERE sku = @sku AND below_reorder_point <> @below AND (on_hand - reserved < reorder_point) = @below
            """,
            cancellationToken, null, ("@sku", sku), ("@below", below)) == 1,
            cancellationToken);

    public Task<int> RemoveSettledReservationsBeforeAsync(DateTimeOffset settledBefore, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("remove_settled_reservations", connection => connection.ExecuteAsync(
            "DELETE FROM reservations WHERE settled_at < @before AND state <> 'held'",
            cancellationToken, null, ("@before", SqliteValues.Instant(settledBefore))),
            cancellationToken);

    public Task<int> RemoveReceiptsBeforeAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("remove_stock_receipts", connection => connection.ExecuteAsync(
            "DELETE FROM stock_receipts WHERE received_at < @before",
            cancellationToken, null, ("@before", SqliteValues.Instant(receivedBefore))),
            cancellationToken);

    private static Product ReadProduct(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        SqliteValues.ParseMoney(reader.GetString(2)),
        reader.GetBoolean(3),
        reader.GetInt32(4),
        reader.GetInt32(5),
        reader.GetInt32(6),
        reader.GetBoolean(7),
        reader.IsDBNull(8) ? null : reader.GetInt64(8));
}
