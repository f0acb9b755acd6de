using System.Diagnostics;
using System.Globalization;

using Microsoft.Data.Sqlite;

namespace Backend.Bench;

/// <summary>
/// Fills a SQLite store with stored orders in one statement: copies of its newest order, each with a new id and
/// an acceptance time a millisecond before the previous one (older than every order already there). Run it with
/// every host stopped: it takes the file for itself while it writes.
/// </summary>
internal static class OrderSeeder
{
    private const string Insert = """
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @count),
        template AS (SELECT customer_id, status, version, confirmed_at, document FROM orders ORDER BY accepted_at DESC LIMIT 1),
        oldest AS (SELECT julianday(substr(MIN(accepted_at), 1, 23)) AS day FROM orders),
        seeded AS (
            SELECT printf('%s-%04x-7000-8000-%012x', @prefix, i / 281474976710656, i % 281474976710656) AS id,
                   strftime('%Y-%m-%dT%H:%M:%f', oldest.day - i / 86400000.0) || '0000Z' AS at
            FROM n, oldest)
        INSERT INTO orders (id, customer_id, status, accepted_at, updated_at, confirmed_at, version, idempotency_key,
                            settlement_pending, request_at, document)
        SELECT seeded.id, template.customer_id, template.status, seeded.at, seeded.at,
               CASE WHEN template.confirmed_at IS NULL THEN NULL ELSE seeded.at END, template.version, NULL, 0, NULL,
               json_set(template.document, '$.id', seeded.id, '$.acceptedAt', seeded.at, '$.updatedAt', seeded.at,
                        '$.confirmedAt', CASE WHEN template.confirmed_at IS NULL THEN NULL ELSE seeded.at END)
        FROM seeded, template
        """;

    public static async Task<TimeSpan> SeedAsync(string databasePath, int count, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA synchronous = OFF", cancellationToken);
        await ExecuteAsync(connection, "PRAGMA cache_size = -262144", cancellationToken);
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Insert;
            command.Transaction = transaction;
            command.CommandTimeout = 0;
            command.Parameters.AddWithValue("@count", count);
            command.Parameters.AddWithValue("@prefix", Random.Shared.Next().ToString("x8", CultureInfo.InvariantCulture));
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
        return started.Elapsed;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
