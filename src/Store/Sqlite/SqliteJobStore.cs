using Backend.Domain.Jobs;

using Microsoft.Data.Sqlite;

namespace Backend.Store.Sqlite;

/// <summary>
/// The jobs' shared state in <c>jobs</c> and <c>job_runs</c>. A claim or a completion is one BEGIN IMMEDIATE
/// transaction, so no other process comes between the checks and the writes; the unique (job, fire_time) index
/// keeps each occurrence to one row even so.
/// </summary>
internal sealed partial class SqliteJobStore(SqliteDatabase database) : IJobStore
{
    public Task RegisterAsync(JobDefinition definition, DateTimeOffset? nextFireAt, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("register_job", connection => connection.ExecuteAsync(
            """
            INSERT INTO jobs (name, cron, enabled, next_fire_at) VALUES (@job, @cron, @enabled, @next)
            ON CONFLICT (name) DO UPDATE SET cron = excluded.cron, enabled = excluded.enabled, next_fire_at = excluded.next_fire_at
            """,
            cancellationToken, null,
            ("@job", definition.Name), ("@cron", definition.Cron), ("@enabled", definition.Enabled),
            ("@next", SqliteValues.InstantOrNull(nextFireAt))),
            cancellationToken);

    public Task<bool> SetPausedAsync(string job, bool paused, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("set_job_paused", async connection => await connection.ExecuteAsync(
            "UPDATE jobs SET paused = @paused WHERE name = @job", cancellationToken, null, ("@job", job), ("@paused", paused)) == 1,
            cancellationToken);

    public Task SetNextFireAsync(string job, DateTimeOffset? nextFireAt, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("set_job_next_fire", connection => connection.ExecuteAsync(
            "UPDATE jobs SET next_fire_at = @next WHERE name = @job",
            cancellationToken, null, ("@job", job), ("@next", SqliteValues.InstantOrNull(nextFireAt))),
            cancellationToken);

    public Task<bool> TryRecordAsync(JobRun run, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("record_job_run", async connection =>
            await InsertAsync(connection, null, run, cancellationToken), cancellationToken);

    public Task<RequestRunOutcome> RequestRunAsync(string job, Guid runId, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.UseTransactionAsync("request_job_run", async (connection, transaction) =>
        {
            var leases = await connection.QueryAsync(
                "SELECT holder_run_id IS NOT NULL AND lease_until > @now FROM jobs WHERE name = @job",
                reader => reader.GetBoolean(0), cancellationToken, transaction, ("@job", job), ("@now", SqliteValues.Instant(now)));
            if (leases.Count == 0)
            {
                return RequestRunOutcome.UnknownJob;
            }

            if (leases[0] || await connection.ScalarAsync(
                "SELECT 1 FROM job_runs WHERE job = @job AND status = @requested LIMIT 1",
                cancellationToken, transaction, ("@job", job), ("@requested", nameof(JobRunStatus.Requested))) is not null)
            {
                return RequestRunOutcome.AlreadyRunning;
            }

            // An occurrence at that very instant (a scheduled one, at a whole second) is as good as running.
            var run = new JobRun(runId, job, now, JobRunTrigger.Manual, JobRunStatus.Requested);
            return await InsertAsync(connection, transaction, run, cancellationToken) ? RequestRunOutcome.Requested : RequestRunOutcome.AlreadyRunning;
        }, cancellationToken);

    private static async Task<bool> InsertAsync(
        SqliteConnection connection, SqliteTransaction? transaction, JobRun run, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(
            $"INSERT INTO job_runs ({RunColumns}) VALUES (@id, @job, @fire, @trigger, @status, @instance, @started, @finished, @summary, @trace, @error) ON CONFLICT DO NOTHING",
            cancellationToken, transaction,
            ("@id", SqliteValues.Id(run.Id)), ("@job", run.Job), ("@fire", SqliteValues.Instant(run.FireTime)),
            ("@trigger", run.Trigger.ToString()), ("@status", run.Status.ToString()), ("@instance", run.Instance),
            ("@started", SqliteValues.InstantOrNull(run.StartedAt)), ("@finished", SqliteValues.InstantOrNull(run.FinishedAt)),
            ("@summary", run.Summary), ("@trace", run.TraceId), ("@error", run.Error)) == 1;
}
