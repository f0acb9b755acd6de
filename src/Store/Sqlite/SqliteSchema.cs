namespace Backend.Store.Sqlite;

internal static class SqliteSchema
{
    // Several processes may start at once: every statement is idempotent and runs in one write transaction.
    // Listings sort on (accepted_at DESC, id): each filter a listing can have (customer, status, none) has an index
    // of its equality column, then the sort keys, so a page is read in index order without a sort.
    // One statement per command: Microsoft.Data.Sqlite can drop a busy error raised by a later statement of a batch.
    public static IReadOnlyList<string> Statements { get; } = Split(Create);

    /// <summary>
    /// Columns added after the first release: a file made before them gets them on its next start (SQLite has no
    /// ADD COLUMN IF NOT EXISTS, so the initializer looks first).
    /// </summary>
    public static IReadOnlyList<AddedColumn> AddedColumns { get; } =
    [
        new("orders", "settlement_pending", "INTEGER NOT NULL DEFAULT 0"),
        new("orders", "request_at", "TEXT NULL"),
        // A file from before the running totals starts them from the stock as it stands: what was committed counts
        // as shipped, and on-hand plus that as received.
        new("products", "shipped_total", "INTEGER NOT NULL DEFAULT 0", """
            UPDATE products SET shipped_total =
                (SELECT COALESCE(SUM(quantity), 0) FROM reservations WHERE sku = products.sku AND state = 'committed')
            """),
        new("products", "received_total", "INTEGER NOT NULL DEFAULT 0", "UPDATE products SET received_total = on_hand + shipped_total"),
        new("products", "version", "INTEGER NULL"),
        // Retention counts from these. Rows from before them count from the upgrade (@now), so they are kept one
        // full retention period from then instead of going on the first pass.
        new("reservations", "settled_at", "TEXT NULL", "UPDATE reservations SET settled_at = @now WHERE state <> 'held'"),
        new("stock_receipts", "received_at", "TEXT NULL", "UPDATE stock_receipts SET received_at = @now"),
    ];

    /// <summary>Statements over the added columns, run once they exist.</summary>
    public static IReadOnlyList<string> AfterAddedColumns { get; } = Split("""
        CREATE INDEX IF NOT EXISTS ix_orders_settlement_pending ON orders (updated_at) WHERE settlement_pending = 1;
        CREATE INDEX IF NOT EXISTS ix_orders_request_at ON orders (request_at) WHERE request_at IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_reservations_held ON reservations (sku) WHERE state = 'held';
        CREATE INDEX IF NOT EXISTS ix_reservations_settled_at ON reservations (settled_at) WHERE settled_at IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_stock_receipts_received_at ON stock_receipts (received_at);
        """);

    /// <summary>
    /// A column added to an existing table, with the statement that fills it in for rows made before it; the
    /// statement may use <c>@now</c>, the time of the upgrade.
    /// </summary>
    public sealed record AddedColumn(string Table, string Column, string Definition, string? Backfill = null);

    private static string[] Split(string statements) =>
        statements.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);


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
        DROP INDEX IF EXISTS ix_orders_customer_accepted_at;
        DROP INDEX IF EXISTS ix_orders_accepted_at;
        CREATE INDEX IF NOT EXISTS ix_orders_customer_accepted_at_id ON orders (customer_id, accepted_at DESC, id);
        CREATE INDEX IF NOT EXISTS ix_orders_status_accepted_at_id ON orders (status, accepted_at DESC, id);
        CREATE INDEX IF NOT EXISTS ix_orders_accepted_at_id ON orders (accepted_at DESC, id);

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

        CREATE TABLE IF NOT EXISTS payments (
            order_id TEXT NOT NULL PRIMARY KEY,
            attempts INTEGER NOT NULL DEFAULT 0,
            approved INTEGER NULL,
            authorization_id TEXT NULL,
            decline_reason TEXT NULL,
            settlement TEXT NOT NULL DEFAULT 'none' CHECK (settlement IN ('none', 'voided', 'captured')),
            CHECK (settlement = 'none' OR approved = 1)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS daily_reports (
            date TEXT NOT NULL PRIMARY KEY,
            currency TEXT NOT NULL,
            generated_at TEXT NOT NULL,
            document TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS jobs (
            name TEXT NOT NULL PRIMARY KEY,
            cron TEXT NOT NULL,
            enabled INTEGER NOT NULL,
            paused INTEGER NOT NULL DEFAULT 0,
            next_fire_at TEXT NULL,
            holder_run_id TEXT NULL,
            lease_until TEXT NULL,
            token INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS job_runs (
            id TEXT NOT NULL PRIMARY KEY,
            job TEXT NOT NULL,
            fire_time TEXT NOT NULL,
            trigger TEXT NOT NULL,
            status TEXT NOT NULL,
            instance TEXT NULL,
            started_at TEXT NULL,
            finished_at TEXT NULL,
            summary TEXT NULL,
            trace_id TEXT NULL,
            error TEXT NULL
        );
        CREATE UNIQUE INDEX IF NOT EXISTS ux_job_runs_job_fire_time ON job_runs (job, fire_time DESC);
        CREATE INDEX IF NOT EXISTS ix_job_runs_running ON job_runs (job) WHERE status = 'Running';
        CREATE INDEX IF NOT EXISTS ix_job_runs_requested ON job_runs (fire_time) WHERE status = 'Requested';
        CREATE TABLE IF NOT EXISTS failed_messages (
            id TEXT NOT NULL PRIMARY KEY,
            kind TEXT NOT NULL,
            queue TEXT NOT NULL,
            message_type TEXT NOT NULL,
            message_id TEXT NULL,
            order_id TEXT NULL,
            sku TEXT NULL,
            body BLOB NOT NULL,
            content_type TEXT NULL,
            headers TEXT NOT NULL,
            reason TEXT NOT NULL,
            exception_type TEXT NOT NULL,
            stack_trace TEXT NULL,
            reason_pattern TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            first_failed_at TEXT NOT NULL,
            last_failed_at TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            replay_count INTEGER NOT NULL,
            trace_id TEXT NULL,
            status TEXT NOT NULL CHECK (status IN ('Failed', 'Redelivered', 'Discarded')),
            status_changed_at TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_failed_messages_last_failed_at_id ON failed_messages (last_failed_at DESC, id);
        CREATE INDEX IF NOT EXISTS ix_failed_messages_status_fingerprint ON failed_messages (status, fingerprint, last_failed_at);
        CREATE INDEX IF NOT EXISTS ix_failed_messages_discarded ON failed_messages (status_changed_at) WHERE status = 'Discarded';
        """;
}
