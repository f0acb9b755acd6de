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
        // Settled rows stay until retention removes them: an order whose stock was released or committed must never
        // reserve again.
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
        SqliteConnection connection, SqliteTransaction transaction, Guid orderId, bool commit, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var order = ("@order", (object?)SqliteValues.Id(orderId));
        var onHand = commit ? "on_hand = on_hand - r.quantity, shipped_total = shipped_total + r.quantity" : "on_hand = on_hand";
        await connection.ExecuteAsync(
            $"""
            UPDATE products SET {onHand}, reserved = reserved - r.quantity
            FROM reservations AS r WHERE r.order_id = @order AND r.state = 'held' AND r.sku = products.sku
            """,
            cancellationToken, transaction, order);
        return await connection.ExecuteAsync(
            "UPDATE reservations SET state = @state, settled_at = @now WHERE order_id = @order AND state = 'held'",
            cancellationToken, transaction, order, ("@state", commit ? "committed" : "released"), ("@now", SqliteValues.Instant(now)));
    }

    /// <summary>Moves the order's released rows to committed, taking what stock allows off on-hand; returns the units short.</summary>
    public static async Task<int> WriteOffReleasedAsync(
        SqliteConnection connection, SqliteTransaction transaction, Guid orderId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var order = ("@order", (object?)SqliteValues.Id(orderId));
        var released = await connection.QueryAsync(
            """
            SELECT r.sku, r.quantity, p.on_hand - p.reserved FROM reservations AS r JOIN products AS p ON p.sku = r.sku
            WHERE r.order_id = @order AND r.state = 'released'
            """,
            reader => (Sku: reader.GetString(0), Quantity: reader.GetInt32(1), Available: reader.GetInt32(2)),
            cancellationToken, transaction, order);
        var unitsShort = 0;
        foreach (var (sku, quantity, available) in released)
        {
            var taken = Math.Min(quantity, Math.Max(available, 0));
            unitsShort += quantity - taken;
            await connection.ExecuteAsync(
                "UPDATE products SET on_hand = on_hand - @taken, shipped_total = shipped_total + @taken WHERE sku = @sku",
                cancellationToken, transaction, ("@sku", sku), ("@taken", taken));
        }

        // A write-off settles the order once more (a shipment arrived after the release): retention counts from it.
        await connection.ExecuteAsync(
            "UPDATE reservations SET state = 'committed', settled_at = @now WHERE order_id = @order AND state = 'released'",
            cancellationToken, transaction, order, ("@now", SqliteValues.Instant(now)));
        return unitsShort;
    }

    public static async Task<ReceiptOutcome> ReceiveAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sku, int quantity, string receiptId, DateTimeOffset now,
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
            "INSERT INTO stock_receipts (receipt_id, sku, quantity, received_at) VALUES (@receipt, @sku, @quantity, @now)",
            cancellationToken, transaction, ("@receipt", receiptId), ("@sku", sku), ("@quantity", quantity), ("@now", SqliteValues.Instant(now)));

        await connection.ExecuteAsync(
            "UPDATE products SET on_hand = on_hand + @quantity, received_total = received_total + @quantity WHERE sku = @sku",
            cancellationToken, transaction, ("@sku", sku), ("@quantity", quantity));
        return ReceiptOutcome.Counted;
    }
}
