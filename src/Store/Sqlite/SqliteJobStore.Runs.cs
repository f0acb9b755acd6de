using Backend.Domain.Jobs;

using Microsoft.Data.Sqlite;

namespace Backend.Store.Sqlite;

/// <summary>The reads of the jobs' state and the removal of old runs.</summary>
internal sealed partial class SqliteJobStore
{
    private const string RunColumns = "id, job, fire_time, trigger, status, instance, started_at, finished_at, summary, trace_id, error";
    private const string Final = "status NOT IN ('Requested', 'Running')";

    public Task<IReadOnlyList<JobState>> ListAsync(CancellationToken cancellationToken) =>
        database.UseConnectionAsync("list_jobs", connection => connection.QueryAsync(
            $"""
            SELECT j.name, j.cron, j.enabled, j.paused, j.next_fire_at, j.holder_run_id, j.lease_until, {Prefixed("r")}
            FROM jobs AS j
            LEFT JOIN job_runs AS r ON r.id = (
                SELECT id FROM job_runs WHERE job = j.name AND {Final} ORDER BY fire_time DESC LIMIT 1)
            ORDER BY j.name
            """,
            reader => new JobState(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetBoolean(2),
                reader.GetBoolean(3),
                Instant(reader, 4),
                reader.IsDBNull(5) ? null : Guid.Parse(reader.GetString(5)),
                Instant(reader, 6),
                reader.IsDBNull(7) ? null : ReadRun(reader, 7)),
            cancellationToken),
            cancellationToken);

    public Task<IReadOnlyList<JobRun>> FindRequestedAsync(CancellationToken cancellationToken) =>
        database.UseConnectionAsync("find_requested_job_runs", connection => connection.QueryAsync(
            $"SELECT {RunColumns} FROM job_runs WHERE status = 'Requested' ORDER BY fire_time, id",
            reader => ReadRun(reader, 0), cancellationToken),
            cancellationToken);

    public Task<JobRun?> FindRunAsync(Guid runId, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("find_job_run", async connection =>
        {
            var rows = await connection.QueryAsync(
                $"SELECT {RunColumns} FROM job_runs WHERE id = @id", reader => ReadRun(reader, 0), cancellationToken, null,
                ("@id", SqliteValues.Id(runId)));
            return rows.Count == 0 ? null : rows[0];
        }, cancellationToken);

    public Task<JobRunPage> ListRunsAsync(string job, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        return database.UseConnectionAsync("list_job_runs", async connection =>
        {
            // One read transaction, so the count and the page come from the same snapshot.
            await using var transaction = connection.BeginTransaction(deferred: true);
            var total = Convert.ToInt64(await connection.ScalarAsync(
                "SELECT COUNT(*) FROM job_runs WHERE job = @job", cancellationToken, transaction, ("@job", job)));
            var items = await connection.QueryAsync(
                $"SELECT {RunColumns} FROM job_runs WHERE job = @job ORDER BY fire_time DESC LIMIT @take OFFSET @skip",
                reader => ReadRun(reader, 0), cancellationToken, transaction,
                ("@job", job), ("@take", pageSize), ("@skip", (long)(page - 1) * pageSize));
            return new JobRunPage(items, page, pageSize, total);
        }, cancellationToken);
    }

    public Task<DateTimeOffset?> FindLatestScheduledFireTimeAsync(string job, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("find_latest_scheduled_fire_time", async connection =>
            await connection.ScalarAsync(
                "SELECT fire_time FROM job_runs WHERE job = @job AND trigger IN ('Schedule', 'CatchUp') ORDER BY fire_time DESC LIMIT 1",
                cancellationToken, null, ("@job", job)) is string fireTime
                ? SqliteValues.ParseInstant(fireTime)
                : (DateTimeOffset?)null,
            cancellationToken);

    public Task<int> RemoveRunsBeforeAsync(DateTimeOffset firedBefore, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("remove_job_runs", connection => connection.ExecuteAsync(
            $"DELETE FROM job_runs WHERE fire_time < @before AND {Final}",
            cancellationToken, null, ("@before", SqliteValues.Instant(firedBefore))),
            cancellationToken);

    private static string Prefixed(string alias) => string.Join(", ", RunColumns.Split(", ").Select(column => $"{alias}.{column}"));

    private static JobRun ReadRun(SqliteDataReader reader, int first) => new(
        Guid.Parse(reader.GetString(first)),
        reader.GetString(first + 1),
        SqliteValues.ParseInstant(reader.GetString(first + 2)),
        Enum.Parse<JobRunTrigger>(reader.GetString(first + 3)),
        Enum.Parse<JobRunStatus>(reader.GetString(first + 4)),
        Text(reader, first + 5),
        Instant(reader, first + 6),
        Instant(reader, first + 7),
        Text(reader, first + 8),
        Text(reader, first + 9),
        Text(reader, first + 10));

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? Instant(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : SqliteValues.ParseInstant(reader.GetString(ordinal));
}
