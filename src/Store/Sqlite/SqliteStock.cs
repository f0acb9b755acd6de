using Backend.Domain.Catalog;

using Microsoft.Data.Sqlite;

namespace Backend.Store.Sqlite;

/// <summary>Stock changes; each runs inside the caller's BEGIN IMMEDIATE transaction, so checks and writes are one step.</summary>
internal static class SqliteStock
{
    public static async Task<ReservationResult> ReserveAsync(
        SqliteConnection connection, SqliteTransaction transaction, Guid orderId, IReadOnlyList<StockRequest> lines,
        CancellationToken cancellationToken)
    {
        var order = SqliteValues.Id(orderId);
        // Settled rows stay: an order whose stock was released or committed must never reserve again.
        if (await connection.ScalarAsync(
            "SELECT 1 FROM reservations WHERE order_id = @order LIMIT 1", cancellationToken, transaction, ("@order", order)) is not null)
        {
            return ReservationResult.Reserved;
        }

        foreach (var line in lines)
        {
            var available = await connection.ScalarAsync(
                "SELECT on_hand - reserved FROM products WHERE sku = @sku", cancellationToken, transaction, ("@sku", line.Sku));
            if (available is null || Convert.ToInt64(available) < line.Quantity)
            {
                return ReservationResult.OutOfStock(line.Sku);
            }
        }

        foreach (var line in lines)
        {
            await connection.ExecuteAsync(
                "INSERT INTO reservations (order_id, sku, quantity, state) VALUES (@order, @sku, @quantity, 'held')",
                cancellationToken, transaction, ("@order", order), ("@sku", line.Sku), ("@quantity", line.Quantity));
            await connection.ExecuteAsync(
                "UPDATE products SET reserved = reserved + @quantity WHERE sku = @sku",
                cancellationToken, transaction, ("@sku", line.Sku), ("@quantity", line.Quantity));
        }

        return ReservationResult.Reserved;
    }

    /// <summary>Moves the order's held reservations to released (back to available) or committed (off on-hand).</summary>
    public static async Task<int> SettleAsync(
        SqliteConnection connection, SqliteTransaction transaction, Guid orderId, bool commit, CancellationToken cancellationToken)
    {
        var order = ("@order", (object?)SqliteValues.Id(orderId));
        var onHand = commit ? "on_hand - r.quantity" : "on_hand";
        await connection.ExecuteAsync(
            $"""
            UPDATE products SET on_hand = {onHand}, reserved = reserved - r.quantity
            FROM reservations AS r WHERE r.order_id = @order AND r.state = 'held' AND r.sku = products.sku
            """,
            cancellationToken, transaction, order);
        return await connection.ExecuteAsync(
            "UPDATE reservations SET state = @state WHERE order_id = @order AND state = 'held'",
            cancellationToken, transaction, order, ("@state", commit ? "committed" : "released"));
    }

    public static async Task<ReceiptOutcome> ReceiveAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sku, int quantity, string receiptId,
        CancellationToken cancellationToken)
    {
        var onHand = await connection.ScalarAsync("SELECT on_hand FROM products WHERE sku = @sku", cancellationToken, transaction, ("@sku", sku));
        if (onHand is null)
        {
            return ReceiptOutcome.UnknownSku;
        }

        var counted = await connection.ScalarAsync(
            "SELECT 1 FROM stock_receipts WHERE receipt_id = @receipt AND sku = @sku", cancellationToken, transaction,
            ("@receipt", receiptId), ("@sku", sku));
        if (counted is not null)
        {
            return ReceiptOutcome.Duplicate;
        }

        // The transaction holds the write lock, so on-hand is still what was read above.
        if ((long)onHand + quantity > ProductLimits.MaxOnHand)
        {
            return ReceiptOutcome.OverLimit;
        }

        await connection.ExecuteAsync(
            "INSERT INTO stock_receipts (receipt_id, sku, quantity) VALUES (@receipt, @sku, @quantity)",
            cancellationToken, transaction, ("@receipt", receiptId), ("@sku", sku), ("@quantity", quantity));

        await connection.ExecuteAsync(
            "UPDATE products SET on_hand = on_hand + @quantity WHERE sku = @sku",
            cancellationToken, transaction, ("@sku", sku), ("@quantity", quantity));
        return ReceiptOutcome.Counted;
    }
}
