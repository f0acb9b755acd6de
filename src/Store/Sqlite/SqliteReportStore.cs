using System.Globalization;
using System.Text.Json;

using Backend.Domain.Reports;

namespace Backend.Store.Sqlite;

/// <summary>One row per day in <c>daily_reports</c>; the report itself is a JSON document, its decimals as written.</summary>
internal sealed class SqliteReportStore(SqliteDatabase database) : IReportStore
{
    // Numbers are written as the decimal's own text (19.90 stays 19.90), the way order documents keep money.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task SaveDailyAsync(StoredDailySalesReport report, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("save_daily_report", connection => connection.ExecuteAsync(
            """
            INSERT INTO daily_reports (date, currency, generated_at, document) VALUES (@date, @currency, @generated, @document)
            ON CONFLICT (date) DO UPDATE SET
                currency = excluded.currency, generated_at = excluded.generated_at, document = excluded.document
            """,
            cancellationToken, null,
            ("@date", Date(report.Report.Date)), ("@currency", report.Currency),
            ("@generated", SqliteValues.Instant(report.GeneratedAt)), ("@document", JsonSerializer.Serialize(report.Report, Json))),
            cancellationToken);

    public Task<StoredDailySalesReport?> FindDailyAsync(DateOnly date, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("find_daily_report", async connection =>
        {
            var rows = await connection.QueryAsync(
                "SELECT document, currency, generated_at FROM daily_reports WHERE date = @date",
                reader => new StoredDailySalesReport(
                    JsonSerializer.Deserialize<DailySalesReport>(reader.GetString(0), Json)
                        ?? throw new JsonException("The stored daily report is null."),
                    reader.GetString(1),
                    SqliteValues.ParseInstant(reader.GetString(2))),
                cancellationToken, null, ("@date", Date(date)));
            return rows.Count == 0 ? null : rows[0];
        }, cancellationToken);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
