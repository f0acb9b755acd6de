namespace Backend.Domain.Jobs;

/// <summary>
/// The jobs' shared state across every worker process: definitions, pauses, leases and the history of occurrences.
/// Each occurrence is unique per (job, fire time); each job has at most one live lease, fenced by a token.
/// </summary>
public interface IJobStore
{
    /// <summary>Adds the job or updates its cron, enabled flag and next fire time; keeps its pause and its lease.</summary>
    Task RegisterAsync(JobDefinition definition, DateTimeOffset? nextFireAt, CancellationToken cancellationToken);

    /// <summary>Every registered job with its last final run, ordered by name.</summary>
    Task<IReadOnlyList<JobState>> ListAsync(CancellationToken cancellationToken);

    /// <summary>False when no worker registered the job.</summary>
    Task<bool> SetPausedAsync(string job, bool paused, CancellationToken cancellationToken);

    /// <summary>Records the next fire time a worker computed after claiming or passing one.</summary>
    Task SetNextFireAsync(string job, DateTimeOffset? nextFireAt, CancellationToken cancellationToken);

    /// <summary>
    /// Claims one occurrence. A scheduled or catch-up occurrence is added unless its (job, fire time) exists
    /// (<see cref="ClaimStatus.TakenElsewhere"/>) or the job is paused. A manual one takes up the requested run,
    /// paused or not. Then the job's lease: free or expired, it is taken with a new token, and a run that held the
    /// expired one (or any other run of the job left <see cref="JobRunStatus.Running"/>) becomes
    /// <see cref="JobRunStatus.Interrupted"/>; live, the occurrence is recorded <see cref="JobRunStatus.Skipped"/>.
    /// </summary>
    Task<ClaimResult> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken);

    /// <summary>Extends the lease; false once the lease was taken over (the holder must stop and record nothing).</summary>
    Task<bool> RenewAsync(JobLease lease, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>
    /// Records the run's final status and frees the lease, only while the job still carries the lease's token:
    /// false when it was taken over, and then nothing is written.
    /// </summary>
    Task<bool> CompleteAsync(
        JobLease lease, JobRunStatus status, DateTimeOffset finishedAt, string? summary, string? error, CancellationToken cancellationToken);

    /// <summary>Adds an occurrence that did not run (<see cref="JobRunStatus.Missed"/>); false when its (job, fire time) exists.</summary>
    Task<bool> TryRecordAsync(JobRun run, CancellationToken cancellationToken);

    /// <summary>Adds a <see cref="JobRunStatus.Requested"/> run at <paramref name="now"/>, subject to the overlap rule.</summary>
    Task<RequestRunOutcome> RequestRunAsync(string job, Guid runId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Runs asked for and not yet taken up, oldest first.</summary>
    Task<IReadOnlyList<JobRun>> FindRequestedAsync(CancellationToken cancellationToken);

    Task<JobRun?> FindRunAsync(Guid runId, CancellationToken cancellationToken);

    /// <summary>The job's occurrences, newest fire time first.</summary>
    Task<JobRunPage> ListRunsAsync(string job, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>The latest fire time of a scheduled, catch-up or missed occurrence of the job; null when it never had one.</summary>
    Task<DateTimeOffset?> FindLatestScheduledFireTimeAsync(string job, CancellationToken cancellationToken);

    /// <summary>Removes final occurrences whose fire time is before <paramref name="firedBefore"/>; returns how many.</summary>
    Task<int> RemoveRunsBeforeAsync(DateTimeOffset firedBefore, CancellationToken cancellationToken);
}
