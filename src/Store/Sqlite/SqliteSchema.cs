namespace Backend.Store.Sqlite;

internal static class SqliteSchema
{
    // Several processes may start at once: every statement is idempotent and runs in one write transaction.
    // One statement per command: Microsoft.Data.Sqlite can drop a busy error raised by a later statement of a batch.
    public static IReadOnlyList<string> Statements { get; } = Create.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Columns added after a table was first released: CREATE TABLE IF NOT EXISTS leaves a table from an older file
    /// as it was, so each is added where it is missing.
    /// </summary>
    public static IReadOnlyList<(string Table, string Column, string Definition)> AddedColumns { get; } =
    [
        ("products", "version", "INTEGER NULL"),
    ];

    private const string Create = """
        CREATE TABLE IF NOT EXISTS orders (
            id TEXT NOT NULL PRIMARY KEY,
            customer_id TEXT NOT NULL,
            status TEXT NOT NULL,
            accepted_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            confirmed_at TEXT NULL,
            version INTEGER NOT NULL,
            idempotency_key TEXT NULL,
            document TEXT NOT NULL
        );
        CREATE UNIQUE INDEX IF NOT EXISTS ux_orders_customer_idempotency_key
            ON orders (customer_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_orders_status_updated_at ON orders (status, updated_at);
        CREATE INDEX IF NOT EXISTS ix_orders_status_accepted_at ON orders (status, accepted_at);
        CREATE INDEX IF NOT EXISTS ix_orders_confirmed_at ON orders (confirmed_at) WHERE confirmed_at IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_orders_customer_accepted_at ON orders (customer_id, accepted_at);
        CREATE INDEX IF NOT EXISTS ix_orders_accepted_at ON orders (accepted_at);

        CREATE TABLE IF NOT EXISTS products (
            sku TEXT NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            unit_price TEXT NOT NULL,
            active INTEGER NOT NULL,
            on_hand INTEGER NOT NULL DEFAULT 0,
            reserved INTEGER NOT NULL DEFAULT 0,
            reorder_point INTEGER NOT NULL,
            below_reorder_point INTEGER NOT NULL DEFAULT 0,
            version INTEGER NULL,
            CHECK (reserved >= 0 AND on_hand >= reserved)
        );

        CREATE TABLE IF NOT EXISTS reservations (
            order_id TEXT NOT NULL,
            sku TEXT NOT NULL,
            quantity INTEGER NOT NULL CHECK (quantity > 0),
            state TEXT NOT NULL CHECK (state IN ('held', 'released', 'committed')),
            PRIMARY KEY (order_id, sku)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS stock_receipts (
            receipt_id TEXT NOT NULL,
            sku TEXT NOT NULL,
            quantity INTEGER NOT NULL,
            PRIMARY KEY (receipt_id, sku)
        ) WITHOUT ROWID;
        """;
}
