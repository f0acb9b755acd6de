namespace Backend.Domain.Jobs;

/// <summary>Where an occurrence of a job stands; the last five are final.</summary>
public enum JobRunStatus
{
    /// <summary>Asked for by an operator; the first worker that sees it claims it.</summary>
    Requested,

    /// <summary>Claimed: its holder renews the lease while it runs.</summary>
    Running,

    Succeeded,
    Failed,

    /// <summary>Not run: the job was still running an earlier occurrence (the overlap rule).</summary>
    Skipped,

    /// <summary>Cut off: its holder stopped, or died and its lease was taken over.</summary>
    Interrupted,

    /// <summary>Fire times that passed while no worker was up; one catch-up run follows them.</summary>
    Missed,
}

/// <summary>What made the occurrence.</summary>
public enum JobRunTrigger
{
    Schedule,
    Manual,
    CatchUp,
}

/// <summary>
/// One occurrence of a job, unique per (job, fire time) in the store: the scheduled fire time for a scheduled or
/// catch-up run, the moment it was asked for for a manual one.
/// </summary>
public sealed record JobRun(
    Guid Id,
    string Job,
    DateTimeOffset FireTime,
    JobRunTrigger Trigger,
    JobRunStatus Status,
    string? Instance = null,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null,
    string? Summary = null,
    string? TraceId = null,
    string? Error = null)
{
    public TimeSpan? Duration => FinishedAt - StartedAt;

    public bool IsFinal => Status is not (JobRunStatus.Requested or JobRunStatus.Running);
}

/// <summary>A job as the workers configured it.</summary>
public sealed record JobDefinition(string Name, string Cron, bool Enabled);

/// <summary>A job as the store holds it: its definition, whether operators paused it, and its lease if one runs.</summary>
public sealed record JobState(
    string Name,
    string Cron,
    bool Enabled,
    bool Paused,
    DateTimeOffset? NextFireAt,
    Guid? RunningRunId,
    DateTimeOffset? LeaseUntil,
    JobRun? LastRun);

/// <summary>
/// The right to run one occurrence. <see cref="Token"/> is the job's fencing token: it grows with every claim,
/// and the store accepts a renewal or a result only while the job still carries it.
/// </summary>
public sealed record JobLease(string Job, Guid RunId, long Token);

public enum ClaimStatus
{
    /// <summary>This caller runs it, under <see cref="ClaimResult.Lease"/>.</summary>
    Claimed,

    /// <summary>Another replica claimed that occurrence first; nothing was recorded.</summary>
    TakenElsewhere,

    /// <summary>An earlier occurrence still holds a live lease; this one is recorded <see cref="JobRunStatus.Skipped"/>.</summary>
    Overlapped,

    /// <summary>An operator paused the job; nothing was recorded.</summary>
    Paused,

    /// <summary>No worker registered the job.</summary>
    UnknownJob,
}

/// <summary>
/// The outcome of a claim; <see cref="InterruptedRunId"/> names the run whose expired lease it took over, now
/// <see cref="JobRunStatus.Interrupted"/>.
/// </summary>
public sealed record ClaimResult(ClaimStatus Status, JobLease? Lease = null, Guid? InterruptedRunId = null);

/// <summary>
/// A claim of one occurrence. For <see cref="JobRunTrigger.Manual"/>, <see cref="RunId"/> names the requested run
/// to take up; otherwise the store adds the occurrence under (job, <see cref="FireTime"/>).
/// </summary>
public sealed record ClaimRequest(
    string Job,
    Guid RunId,
    DateTimeOffset FireTime,
    JobRunTrigger Trigger,
    string Instance,
    DateTimeOffset Now,
    DateTimeOffset LeaseUntil,
    string? TraceId);

public enum RequestRunOutcome
{
    Requested,
    UnknownJob,

    /// <summary>The job runs now, or a requested run waits to be taken up: the overlap rule refuses another.</summary>
    AlreadyRunning,
}

public sealed record JobRunPage(IReadOnlyList<JobRun> Items, int Page, int PageSize, long TotalCount);
