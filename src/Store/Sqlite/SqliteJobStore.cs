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

    public Task<ClaimResult> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken) =>
        database.UseTransactionAsync("claim_job", async (connection, transaction) =>
        {
            var jobs = await connection.QueryAsync(
                "SELECT paused, holder_run_id, lease_until FROM jobs WHERE name = @job",
                reader => (Paused: reader.GetBoolean(0), Holder: reader.IsDBNull(1) ? null : reader.GetString(1),
                    LeaseUntil: reader.IsDBNull(2) ? null : reader.GetString(2)),
                cancellationToken, transaction, ("@job", request.Job));
            if (jobs.Count == 0)
            {
                return new ClaimResult(ClaimStatus.UnknownJob);
            }

            var job = jobs[0];
            if (request.Trigger != JobRunTrigger.Manual && job.Paused)
            {
                return new ClaimResult(ClaimStatus.Paused);
            }

            var now = SqliteValues.Instant(request.Now);
            var run = SqliteValues.Id(request.RunId);
            if (!await TakeUpAsync(connection, transaction, request, cancellationToken))
            {
                return new ClaimResult(ClaimStatus.TakenElsewhere);
            }

            // Instants are fixed-width text, so comparing the text compares the instants.
            var holder = job.Holder is { } id ? Guid.Parse(id) : (Guid?)null;
            if (holder is { } live && string.CompareOrdinal(job.LeaseUntil, now) > 0)
            {
                await connection.ExecuteAsync(
                    "UPDATE job_runs SET status = @status, finished_at = @now, summary = @summary WHERE id = @run",
                    cancellationToken, transaction, ("@run", run), ("@status", nameof(JobRunStatus.Skipped)), ("@now", now),
                    ("@summary", JobRunTexts.Skipped(live)));
                return new ClaimResult(ClaimStatus.Overlapped);
            }

            var token = Convert.ToInt64(await connection.ScalarAsync(
                "UPDATE jobs SET holder_run_id = @run, lease_until = @until, token = token + 1 WHERE name = @job RETURNING token",
                cancellationToken, transaction, ("@job", request.Job), ("@run", run), ("@until", SqliteValues.Instant(request.LeaseUntil))));
            // The expired holder, and any run a crash left running without the lease, stopped for good.
            await connection.ExecuteAsync(
                """
                UPDATE job_runs SET status = @interrupted, finished_at = @now, error = @error
                WHERE job = @job AND status = @running AND id <> @run
                """,
                cancellationToken, transaction, ("@job", request.Job), ("@run", run), ("@now", now), ("@error", JobRunTexts.LeaseExpired),
                ("@interrupted", nameof(JobRunStatus.Interrupted)), ("@running", nameof(JobRunStatus.Running)));
            return new ClaimResult(
                ClaimStatus.Claimed, new JobLease(request.Job, request.RunId, token), holder);
        }, cancellationToken);

    public Task<bool> RenewAsync(JobLease lease, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        database.UseConnectionAsync("renew_job_lease", async connection => await connection.ExecuteAsync(
            "UPDATE jobs SET lease_until = @until WHERE name = @job AND token = @token AND holder_run_id = @run",
            cancellationToken, null, [.. Fence(lease), ("@until", SqliteValues.Instant(leaseUntil))]) == 1,
            cancellationToken);

    public Task<bool> CompleteAsync(
        JobLease lease, JobRunStatus status, DateTimeOffset finishedAt, string? summary, string? error, CancellationToken cancellationToken)
    {
        if (status is JobRunStatus.Requested or JobRunStatus.Running)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A run completes with a final status.");
        }

        return database.UseTransactionAsync("complete_job_run", async (connection, transaction) =>
        {
            // The token counter stays: the next claim's token must be greater than every one handed out before.
            if (await connection.ExecuteAsync(
                "UPDATE jobs SET holder_run_id = NULL, lease_until = NULL WHERE name = @job AND token = @token AND holder_run_id = @run",
                cancellationToken, transaction, Fence(lease)) == 0)
            {
                return false;
            }

            await connection.ExecuteAsync(
                "UPDATE job_runs SET status = @status, finished_at = @finished, summary = @summary, error = @error WHERE id = @run",
                cancellationToken, transaction,
                ("@run", SqliteValues.Id(lease.RunId)), ("@status", status.ToString()), ("@finished", SqliteValues.Instant(finishedAt)),
                ("@summary", summary), ("@error", error));
            return true;
        }, cancellationToken);
    }

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

    /// <summary>Adds the scheduled occurrence, or moves the requested run to running; false when another claim did first.</summary>
    private static async Task<bool> TakeUpAsync(
        SqliteConnection connection, SqliteTransaction transaction, ClaimRequest request, CancellationToken cancellationToken)
    {
        if (request.Trigger != JobRunTrigger.Manual)
        {
            return await InsertAsync(connection, transaction, new JobRun(
                request.RunId, request.Job, request.FireTime, request.Trigger, JobRunStatus.Running, request.Instance, request.Now,
                TraceId: request.TraceId), cancellationToken);
        }

        return await connection.ExecuteAsync(
            """
            UPDATE job_runs SET status = @running, instance = @instance, started_at = @now, trace_id = @trace
            WHERE id = @run AND job = @job AND status = @requested
            """,
            cancellationToken, transaction,
            ("@run", SqliteValues.Id(request.RunId)), ("@job", request.Job), ("@instance", request.Instance),
            ("@now", SqliteValues.Instant(request.Now)), ("@trace", request.TraceId),
            ("@running", nameof(JobRunStatus.Running)), ("@requested", nameof(JobRunStatus.Requested))) == 1;
    }

    private static async Task<bool> InsertAsync(
        SqliteConnection connection, SqliteTransaction? transaction, JobRun run, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(
            $"INSERT INTO job_runs ({RunColumns}) VALUES (@id, @job, @fire, @trigger, @status, @instance, @started, @finished, @summary, @trace, @error) ON CONFLICT DO NOTHING",
            cancellationToken, transaction,
            ("@id", SqliteValues.Id(run.Id)), ("@job", run.Job), ("@fire", SqliteValues.Instant(run.FireTime)),
            ("@trigger", run.Trigger.ToString()), ("@status", run.Status.ToString()), ("@instance", run.Instance),
            ("@started", SqliteValues.InstantOrNull(run.StartedAt)), ("@finished", SqliteValues.InstantOrNull(run.FinishedAt)),
            ("@summary", run.Summary), ("@trace", run.TraceId), ("@error", run.Error)) == 1;

    private static (string, object?)[] Fence(JobLease lease) =>
        [("@job", lease.Job), ("@token", lease.Token), ("@run", SqliteValues.Id(lease.RunId))];
}
