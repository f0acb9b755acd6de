using System.Text.Json;

using Backend.Domain.Catalog;

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Backend.Store.Sqlite;

internal sealed class SqliteProductStore(SqliteDatabase database, ILogger<SqliteProductStore> logger) : IProductStore
{
    private const string Select =
        "SELECT sku, name, unit_price, active, on_hand, reserved, reorder_point, below_reorder_point FROM products";

    public Task UpsertAsync(ProductDefinition definition, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("upsert_product", connection => connection.ExecuteAsync(
            """
            INSERT INTO products (sku, name, unit_price, active, reorder_point)
            VALUES (@sku, @name, @price, @active, @reorder)
            ON CONFLICT (sku) DO UPDATE SET
                name = excluded.name, unit_price = excluded.unit_price, active = excluded.active,
                reorder_point = excluded.reorder_point
            """,
            cancellationToken, null,
            ("@sku", definition.Sku), ("@name", definition.Name), ("@price", SqliteValues.Money(definition.UnitPrice)),
            ("@active", definition.Active), ("@reorder", definition.ReorderPoint)),
            cancellationToken);

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
            SqliteStock.SettleAsync(connection, transaction, orderId, commit: false, cancellationToken), cancellationToken);

    public Task CommitAsync(Guid orderId, CancellationToken cancellationToken) =>
        database.UseTransactionAsync("commit_stock", (connection, transaction) =>
            SqliteStock.SettleAsync(connection, transaction, orderId, commit: true, cancellationToken), cancellationToken);

    public Task<int> WriteOffReleasedAsync(Guid orderId, CancellationToken cancellationToken) =>
        database.UseTransactionAsync("write_off_released_stock", (connection, transaction) =>
            SqliteStock.WriteOffReleasedAsync(connection, transaction, orderId, cancellationToken), cancellationToken);

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
            var outcome = await SqliteStock.ReceiveAsync(connection, transaction, sku, quantity, receiptId, cancellationToken);
            if (outcome == ReceiptOutcome.Duplicate)
            {
                Log.DuplicateReceipt(logger, receiptId, sku);
            }

            return outcome;
        }, cancellationToken);
    }

    public Task<bool> TrySetBelowReorderPointAsync(string sku, bool below, CancellationToken cancellationToken) =>
        // Conditional on the counters as they are now, not as the caller read them.
        database.UseConnectionAsync("set_below_reorder_point", async connection => await connection.ExecuteAsync(
            """
            UPDATE products SET below_reorder_point = @below
            WHERE sku = @sku AND below_reorder_point <> @below AND (on_hand - reserved < reorder_point) = @below
            """,
            cancellationToken, null, ("@sku", sku), ("@below", below)) == 1,
            cancellationToken);

    private static Product ReadProduct(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        SqliteValues.ParseMoney(reader.GetString(2)),
        reader.GetBoolean(3),
        reader.GetInt32(4),
        reader.GetInt32(5),
        reader.GetInt32(6),
        reader.GetBoolean(7));
}
