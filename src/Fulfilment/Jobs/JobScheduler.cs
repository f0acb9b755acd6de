using Backend.Domain.Jobs;

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using CronExpression = Quartz.CronExpression;

namespace Backend.Fulfilment.Jobs;

/// <summary>
/// The workers' clock for the recurring jobs. Every replica computes the same fire times from each job's cron and
/// offers each one to <see cref="JobRunner"/>; the claim in the store makes exactly one replica run it. At start it
/// registers the jobs (so operators see them) and catches up once on fire times that passed while no worker ran;
/// while up it also takes up the runs operators asked for.
/// </summary>
public sealed class JobScheduler(
    IJobStore store, JobRunner runner, JobMetrics metrics, IOptions<JobsOptions> options, TimeProvider time, ILogger<JobScheduler> logger)
    : BackgroundService
{
    /// <summary>Enumerating missed fire times stops here; a per-second job down for weeks is still one catch-up.</summary>
    private const int MaxMissedCounted = 1_000_000;

    private static readonly TimeSpan RegisterRetry = TimeSpan.FromSeconds(5);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await runner.DrainAsync(cancellationToken);
    }

    public static CronExpression Cron(string expression) => new(expression, TimeZoneInfo.Utc);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedules = options.Value.Schedules.Select(schedule => (schedule.Name, Cron: Cron(schedule.Schedule.Cron), schedule.Schedule)).ToList();
        try
        {
            var paused = await RegisterAsync(schedules, stoppingToken);
            await Task.WhenAll(schedules
                .Where(schedule => schedule.Schedule.Enabled)
                .Select(schedule => ScheduleAsync(schedule.Name, schedule.Cron, paused.Contains(schedule.Name), stoppingToken))
                .Append(TakeUpRequestsAsync(stoppingToken)));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Registers every job, and returns the names of those operators have paused.</summary>
    private async Task<IReadOnlySet<string>> RegisterAsync(IReadOnlyList<(string Name, CronExpression Cron, JobSchedule Schedule)> schedules, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var now = time.GetUtcNow();
                foreach (var (name, cron, schedule) in schedules)
                {
                    await store.RegisterAsync(
                        new JobDefinition(name, schedule.Cron, schedule.Enabled),
                        schedule.Enabled ? cron.GetNextValidTimeAfter(now) : null,
                        cancellationToken);
                }

                return (await store.ListAsync(cancellationToken)).Where(state => state.Paused).Select(state => state.Name).ToHashSet();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.RegisterFailed(logger, RegisterRetry, exception);
                await Task.Delay(RegisterRetry, time, cancellationToken);
            }
        }
    }

    private async Task ScheduleAsync(string job, CronExpression cron, bool paused, CancellationToken cancellationToken)
    {
        var threshold = options.Value.MisfireThreshold;
        var start = time.GetUtcNow() - threshold;

        // A fire time within the misfire threshold before start still runs, late, under its own time: a replica
        // that restarts does not drop one the others may not have claimed yet. After a catch-up it does not: the
        // catch-up run stands for every fire time up to now. A job paused at start is not caught up: its fire times
        // passed by an operator's choice.
        var next = !paused && await CatchUpAsync(job, cron, start, cancellationToken)
            ? cron.GetNextValidTimeAfter(time.GetUtcNow())
            : cron.GetNextValidTimeAfter(start);
        while (next is { } due)
        {
            for (var wait = due - time.GetUtcNow(); wait > TimeSpan.Zero; wait = due - time.GetUtcNow())
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            // Fire times that all passed while this process started or stalled run once, as the latest of them.
            var fire = due;
            var now = time.GetUtcNow();
            while (cron.GetNextValidTimeAfter(fire) is { } later && later <= now)
            {
                fire = later;
            }

            next = cron.GetNextValidTimeAfter(fire);
            if (now - fire > threshold)
            {
                // This process stalled; the other replicas had the fire times it slept through.
                Log.FireTimesPassed(logger, job, fire, now - fire);
                continue;
            }

            runner.Start(job, fire, JobRunTrigger.Schedule, nextFireAt: next);
        }
    }

    /// <summary>
    /// Fire times after the job's latest recorded one and before <paramref name="until"/> passed while no worker ran:
    /// all but the last are recorded as one Missed occurrence, and the last runs once as the catch-up. Both are keyed
    /// by fire time, so replicas starting together record and run them once. True when there was one to catch up.
    /// </summary>
    private async Task<bool> CatchUpAsync(string job, CronExpression cron, DateTimeOffset until, CancellationToken cancellationToken)
    {
        DateTimeOffset? latest;
        try
        {
            latest = await store.FindLatestScheduledFireTimeAsync(job, cancellationToken);
            if (latest is null)
            {
                return false;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.CatchUpFailed(logger, job, exception);
            return false;
        }

        DateTimeOffset? first = null;
        DateTimeOffset? previous = null;
        DateTimeOffset? last = null;
        var count = 0;
        for (var fire = cron.GetNextValidTimeAfter(latest.Value); fire is { } at && at <= until && count < MaxMissedCounted; fire = cron.GetNextValidTimeAfter(at))
        {
            first ??= at;
            previous = last;
            last = at;
            count++;
        }

        if (last is null)
        {
            return false;
        }

        if (previous is not null)
        {
            var missed = new JobRun(
                Guid.CreateVersion7(), job, first!.Value, JobRunTrigger.Schedule, JobRunStatus.Missed, JobRunner.Instance,
                FinishedAt: time.GetUtcNow(),
                Summary: $"{count - 1} fire times from {first:O} to {previous:O} passed while no worker ran; one catch-up run follows.");
            try
            {
                if (await store.TryRecordAsync(missed, cancellationToken))
                {
                    Log.FireTimesMissed(logger, job, count - 1, first.Value, previous.Value);
                    metrics.Recorded(job, JobRunStatus.Missed);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The catch-up still runs; only the record of what it stands for is lost.
                Log.CatchUpFailed(logger, job, exception);
            }
        }

        runner.Start(job, last.Value, JobRunTrigger.CatchUp);
        return true;
    }

    private async Task TakeUpRequestsAsync(CancellationToken cancellationToken)
    {
        var interval = options.Value.RequestPollInterval;
        while (true)
        {
            await Task.Delay(interval, time, cancellationToken);
            try
            {
                foreach (var run in await store.FindRequestedAsync(cancellationToken))
                {
                    runner.Start(run.Job, run.FireTime, JobRunTrigger.Manual, run.Id);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.RequestsUnreadable(logger, exception);
            }
        }
    }
}
