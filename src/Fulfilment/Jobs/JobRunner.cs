using System.Collections.Concurrent;
using System.Diagnostics;

using Backend.Domain.Jobs;
using Backend.Fulfilment.Orders;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backend.Fulfilment.Jobs;

/// <summary>
/// Runs one occurrence of a job under a claim in the store: claims it (once across every replica), renews the lease
/// while the job works, and records the outcome only while the lease is still its own. Runs still going at shutdown
/// get <see cref="JobsOptions.ShutdownGrace"/>, then are cut off and recorded Interrupted.
/// </summary>
public sealed class JobRunner(
    IJobStore store,
    IServiceScopeFactory scopes,
    JobMetrics metrics,
    FaultHooks faults,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<JobRunner> logger) : IDisposable
{
    private const int StackLines = 5;

    private readonly CancellationTokenSource _cutOff = new();
    private readonly ConcurrentDictionary<Task, bool> _running = new();

    /// <summary>This process as the history names it.</summary>
    public static string Instance { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Starts the occurrence in the background; <see cref="DrainAsync"/> waits for it at shutdown.</summary>
    public void Start(string job, DateTimeOffset fireTime, JobRunTrigger trigger, Guid? requestedRunId = null, DateTimeOffset? nextFireAt = null)
    {
        var run = Task.Run(() => RunAsync(job, fireTime, trigger, requestedRunId, nextFireAt));
        _running[run] = true;
        _ = run.ContinueWith(done => _running.TryRemove(done, out _), TaskScheduler.Default);
    }

    /// <summary>
    /// Claims and runs the occurrence; returns the status this process recorded, or null when it recorded nothing
    /// (another replica has it, the job is paused, or the store could not be reached).
    /// </summary>
    public async Task<JobRunStatus?> RunAsync(
        string job, DateTimeOffset fireTime, JobRunTrigger trigger, Guid? requestedRunId = null, DateTimeOffset? nextFireAt = null)
    {
        // A run is its own trace, not a child of whatever started the loop.
        using var activity = JobTelemetry.Source.StartActivity($"job {job}", ActivityKind.Internal, parentContext: default);
        activity?.SetTag("backend.job.name", job);
        activity?.SetTag("backend.job.fire_time", fireTime.ToString("O"));
        activity?.SetTag("backend.job.trigger", trigger.ToString());

        var settings = options.Value;
        var runId = requestedRunId ?? Guid.CreateVersion7();
        var now = time.GetUtcNow();
        ClaimResult claim;
        try
        {
            claim = await store.ClaimAsync(
                new ClaimRequest(job, runId, fireTime, trigger, Instance, now, now + settings.Lease, activity?.TraceId.ToString()),
                CancellationToken.None);
            if (nextFireAt is not null && claim.Status is ClaimStatus.Claimed or ClaimStatus.Overlapped)
            {
                await store.SetNextFireAsync(job, nextFireAt, CancellationToken.None);
            }
        }
        catch (Exception exception)
        {
            // Every replica tries the same occurrence; if none reaches the store, the next fire time tries again.
            Log.ClaimFailed(logger, job, fireTime, exception);
            return null;
        }

        activity?.SetTag("backend.job.claim", claim.Status.ToString());
        switch (claim.Status)
        {
            case ClaimStatus.Claimed:
                if (claim.InterruptedRunId is { } interrupted)
                {
                    Log.LeaseTakenOver(logger, job, interrupted, runId);
                    metrics.Recorded(job, JobRunStatus.Interrupted);
                }

                return await ExecuteAsync(claim.Lease!, new JobOccurrence(runId, job, fireTime, trigger), now, activity);
            case ClaimStatus.Overlapped:
                Log.RunSkipped(logger, job, fireTime);
                metrics.Recorded(job, JobRunStatus.Skipped);
                return JobRunStatus.Skipped;
            default:
                return null;
        }
    }

    /// <summary>Waits for the runs in progress, for at most the grace period; then cuts them off and waits for their records.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var running = _running.Keys.ToArray();
        if (running.Length == 0)
        {
            return;
        }

        var all = Task.WhenAll(running);
        if (await Task.WhenAny(all, Task.Delay(options.Value.ShutdownGrace, time, cancellationToken)) != all)
        {
            Log.RunsCutOff(logger, running.Count(run => !run.IsCompleted));
            await _cutOff.CancelAsync();
        }

        await all.WaitAsync(cancellationToken);
    }

    public void Dispose() => _cutOff.Dispose();

    private async Task<JobRunStatus> ExecuteAsync(JobLease lease, JobOccurrence occurrence, DateTimeOffset started, Activity? activity)
    {
        using var work = CancellationTokenSource.CreateLinkedTokenSource(_cutOff.Token);
        using var stopRenewing = new CancellationTokenSource();
        var renewal = RenewWhileRunningAsync(lease, work, stopRenewing.Token);

        JobRunStatus status;
        string? summary = null;
        string? error = null;
        try
        {
            await faults.BeforeJobRunAsync(occurrence.Job, work.Token);
            await using var scope = scopes.CreateAsyncScope();
            var job = scope.ServiceProvider.GetRequiredKeyedService<IRecurringJob>(occurrence.Job);
            summary = await job.RunAsync(occurrence, work.Token);
            status = JobRunStatus.Succeeded;
        }
        catch (OperationCanceledException) when (work.IsCancellationRequested)
        {
            status = JobRunStatus.Interrupted;
            error = "Cut off at shutdown after the grace period.";
        }
        catch (Exception exception)
        {
            status = JobRunStatus.Failed;
            error = Describe(exception);
            Log.RunFailed(logger, occurrence.Job, occurrence.RunId, exception);
        }

        await stopRenewing.CancelAsync();
        var leaseLost = await renewal;
        var finished = time.GetUtcNow();
        activity?.SetTag("backend.job.outcome", status.ToString());
        if (status != JobRunStatus.Succeeded)
        {
            activity?.SetStatus(ActivityStatusCode.Error, error);
        }

        if (leaseLost)
        {
            // The replica that took the lease over recorded this run as Interrupted; a result from here would be a
            // second writer.
            Log.LeaseLost(logger, occurrence.Job, occurrence.RunId);
            return JobRunStatus.Interrupted;
        }

        try
        {
            if (!await store.CompleteAsync(lease, status, finished, summary, error, CancellationToken.None))
            {
                Log.LeaseLost(logger, occurrence.Job, occurrence.RunId);
                return JobRunStatus.Interrupted;
            }
        }
        catch (Exception exception)
        {
            // The run stays Running until its lease expires; the next claim of the job records it Interrupted.
            Log.CompleteFailed(logger, occurrence.Job, occurrence.RunId, exception);
            return JobRunStatus.Interrupted;
        }

        metrics.Ran(occurrence.Job, status, finished - started);
        Log.RunRecorded(logger, occurrence.Job, occurrence.RunId, status, summary ?? error ?? "");
        return status;
    }

    /// <summary>Renews every third of the lease; returns true when the lease was taken over (and the work was stopped).</summary>
    private async Task<bool> RenewWhileRunningAsync(JobLease lease, CancellationTokenSource work, CancellationToken stop)
    {
        var period = options.Value.Lease / 3;
        while (true)
        {
            try
            {
                await Task.Delay(period, time, stop);
            }
            catch (OperationCanceledException)
            {
                return false;
            }

            try
            {
                if (!await store.RenewAsync(lease, time.GetUtcNow() + options.Value.Lease, CancellationToken.None))
                {
                    await work.CancelAsync();
                    return true;
                }
            }
            catch (Exception exception)
            {
                // The store may be back before the lease runs out; if not, fencing keeps this run's result out.
                Log.RenewFailed(logger, lease.Job, lease.RunId, exception);
            }
        }
    }

    private static string Describe(Exception exception)
    {
        var stack = (exception.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join('\n', [$"{exception.GetType().FullName}: {exception.Message}", .. stack.Take(StackLines)]);
    }
}
