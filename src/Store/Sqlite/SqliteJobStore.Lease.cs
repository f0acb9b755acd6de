using Backend.Domain.Jobs;

using Microsoft.Data.Sqlite;

namespace Backend.Store.Sqlite;

/// <summary>Claims, renewals and completions: the lease and its fencing token.</summary>
internal sealed partial class SqliteJobStore
{
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

    private static (string, object?)[] Fence(JobLease lease) =>
        [("@job", lease.Job), ("@token", lease.Token), ("@run", SqliteValues.Id(lease.RunId))];
}
