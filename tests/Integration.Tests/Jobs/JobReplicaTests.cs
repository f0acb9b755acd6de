using Backend.Contracts.Reports;
using Backend.Domain.Jobs;
using Backend.Fulfilment.Jobs;
using Backend.Integration.Tests.Faults;
using Backend.Integration.Tests.Infrastructure;

namespace Backend.Integration.Tests.Jobs;

/// <summary>
/// Worker replicas as separate processes over a real broker, sharing one SQLite file: each fire time of a job runs
/// once across them, a crashed lease holder hands the job on, and shutdown and start-up record what they cut off
/// or missed.
/// </summary>
public sealed class JobReplicaTests(KillableBroker broker) : IClassFixture<KillableBroker>
{
    private static readonly string EverySecond = "* * * * * ?";

    [Fact]
    public async Task Three_worker_processes_run_every_fire_time_exactly_once_and_publish_once_per_run()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        broker.SkipIfUnavailable();
        await using var reports = await EventTap.BindAsync<DailySalesReportReady>(broker.AmqpUri);
        await using var stack = await ProcessStack.StartAsync(broker, workerCount: 3, seed: [], JobSettings.Only(nameof(JobsOptions.DailySalesReport), EverySecond));
        await stack.GuardAsync(async () =>
        {
            var from = DateTimeOffset.UtcNow.AddSeconds(1);
            await Task.Delay(TimeSpan.FromSeconds(12), cancellationToken);
            var to = from.AddSeconds(10);
            foreach (var worker in stack.Workers)
            {
                await worker.TerminateAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }

            await using var store = StoreAccess.Sqlite(stack.DatabasePath);
            var runs = await AllRunsAsync(store.Jobs, JobNames.DailySalesReport);
            var window = runs.Where(run => run.FireTime >= Second(from) && run.FireTime <= Second(to)).ToList();

            // Each second of the window is one occurrence, run by one of the three, and it succeeded.
            window.Select(run => run.FireTime).ShouldBe(Seconds(Second(from), Second(to)), ignoreOrder: true);
            window.ShouldAllBe(run => run.Status == JobRunStatus.Succeeded && run.Trigger == JobRunTrigger.Schedule);
            runs.GroupBy(run => run.FireTime).ShouldAllBe(group => group.Count() == 1);
            // Every run, in the window or not, published its event once.
            (await reports.CountAsync()).ShouldBe((uint)runs.Count(run => run.Status == JobRunStatus.Succeeded));
        });
    }

    [Fact]
    public async Task Killing_the_lease_holder_mid_run_hands_the_next_fire_time_to_another_process()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var settings = JobSettings.Only(nameof(JobsOptions.DailySalesReport), "0/2 * * * * ?", new Dictionary<string, string> { ["Jobs:Lease"] = "00:00:03" });
        await using var stack = await ProcessStack.StartAsync(broker, workerCount: 2, seed: [], settings, startWorkers: false);
        await stack.GuardAsync(async () =>
        {
            var (holder, other) = (stack.Workers[0], stack.Workers[1]);
            await holder.StartAsync(cancellationToken, JobSettings.SlowRuns(TimeSpan.FromMinutes(5)));
            var holderInstance = $":{holder.ProcessId}";
            await using var store = StoreAccess.Sqlite(stack.DatabasePath);
            var held = await Eventually.GetAsync(
                _ => AllRunsAsync(store.Jobs, JobNames.DailySalesReport),
                runs => runs.Any(run => run.Status == JobRunStatus.Running),
                "a run held by the first worker");
            var heldRun = held.Single(run => run.Status == JobRunStatus.Running);
            heldRun.Instance!.ShouldEndWith(holderInstance);

            // While the holder lives it renews its lease: the other process's fire times are skipped, not run beside it.
            await other.StartAsync(cancellationToken);
            var skipped = await Eventually.GetAsync(
                _ => AllRunsAsync(store.Jobs, JobNames.DailySalesReport),
                runs => runs.Count(run => run.Status == JobRunStatus.Skipped) >= 2,
                "fire times skipped while the lease is held");
            skipped.Single(run => run.Id == heldRun.Id).Status.ShouldBe(JobRunStatus.Running);

            await holder.KillAsync();
            var killedAt = DateTimeOffset.UtcNow;
            var after = await Eventually.GetAsync(
                _ => AllRunsAsync(store.Jobs, JobNames.DailySalesReport),
                runs => runs.Any(run => run.Status == JobRunStatus.Succeeded && run.FireTime > killedAt),
                "a later fire time run by the other process");

            var interrupted = after.Single(run => run.Id == heldRun.Id);
            interrupted.Status.ShouldBe(JobRunStatus.Interrupted);
            interrupted.FinishedAt.ShouldNotBeNull();
            var takenOver = after.Where(run => run.Status == JobRunStatus.Succeeded).ShouldHaveSingleItem();
            takenOver.Instance.ShouldEndWith($":{other.ProcessId}");
            // Not before the lease ran out: renewed at most 1 s before the kill for 3 s, it lasted 2 s past it at least.
            takenOver.StartedAt!.Value.ShouldBeGreaterThan(killedAt.AddSeconds(1));
        });
    }

    [Fact]
    public async Task A_run_still_going_at_shutdown_gets_its_grace_then_is_recorded_Interrupted()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var settings = JobSettings.Only(nameof(JobsOptions.DailySalesReport), "0/2 * * * * ?", new Dictionary<string, string> { ["Jobs:ShutdownGrace"] = "00:00:01" });
        await using var stack = await ProcessStack.StartAsync(
            broker, workerCount: 1, seed: [], settings, firstWorkerStart: JobSettings.SlowRuns(TimeSpan.FromMinutes(5)));
        await stack.GuardAsync(async () =>
        {
            var worker = stack.Workers[0];
            var instance = $":{worker.ProcessId}";
            await using var store = StoreAccess.Sqlite(stack.DatabasePath);
            await Eventually.GetAsync(
                _ => AllRunsAsync(store.Jobs, JobNames.DailySalesReport),
                runs => runs.Any(run => run.Status == JobRunStatus.Running),
                "a run in progress");

            await worker.TerminateAsync(TimeSpan.FromSeconds(30), cancellationToken);

            var runs = await AllRunsAsync(store.Jobs, JobNames.DailySalesReport);
            var cutOff = runs.Where(run => run.Status != JobRunStatus.Skipped).ShouldHaveSingleItem();
            cutOff.Status.ShouldBe(JobRunStatus.Interrupted);
            cutOff.Instance.ShouldEndWith(instance);
            cutOff.Error.ShouldBe("Cut off at shutdown after the grace period.");
            worker.LogSinceLastStart().ShouldContain("job runs still going after the shutdown grace period are cut off");
        });
    }

    [Fact]
    public async Task Fire_times_missed_while_no_worker_ran_are_recorded_Missed_and_caught_up_once_by_two_starting_replicas()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var settings = JobSettings.Only(nameof(JobsOptions.DailySalesReport), "0/2 * * * * ?", new Dictionary<string, string> { ["Jobs:MisfireThreshold"] = "00:00:02" });
        await using var stack = await ProcessStack.StartAsync(broker, workerCount: 2, seed: [], settings, startWorkers: false);
        await stack.GuardAsync(async () =>
        {
            await stack.Workers[0].StartAsync(cancellationToken);
            await using var store = StoreAccess.Sqlite(stack.DatabasePath);
            await Eventually.GetAsync(
                _ => AllRunsAsync(store.Jobs, JobNames.DailySalesReport),
                runs => runs.Count(run => run.Status == JobRunStatus.Succeeded) >= 1,
                "a first run");
            await stack.Workers[0].TerminateAsync(TimeSpan.FromSeconds(30), cancellationToken);
            var lastBefore = (await AllRunsAsync(store.Jobs, JobNames.DailySalesReport)).Max(run => run.FireTime);

            // Down for 10 s: four or five fire times pass with no worker up.
            await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
            await Task.WhenAll(stack.Workers.Select(worker => worker.StartAsync(cancellationToken)));

            var runs = await Eventually.GetAsync(
                _ => AllRunsAsync(store.Jobs, JobNames.DailySalesReport),
                all => all.Any(run => run.Trigger == JobRunTrigger.CatchUp && run.IsFinal),
                "the catch-up run");
            var missed = runs.Where(run => run.Status == JobRunStatus.Missed).ShouldHaveSingleItem();
            missed.FireTime.ShouldBe(lastBefore.AddSeconds(2));
            missed.Summary!.ShouldContain("passed while no worker ran; one catch-up run follows.");
            var catchUp = runs.Where(run => run.Trigger == JobRunTrigger.CatchUp).ShouldHaveSingleItem();
            catchUp.Status.ShouldBe(JobRunStatus.Succeeded);
            catchUp.FireTime.ShouldBeGreaterThan(missed.FireTime);
        });
    }

    private static async Task<IReadOnlyList<JobRun>> AllRunsAsync(IJobStore jobs, string job) =>
        (await jobs.ListRunsAsync(job, 1, 1000, TestContext.Current.CancellationToken)).Items;

    private static DateTimeOffset Second(DateTimeOffset instant) =>
        new(instant.Ticks - instant.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    private static IEnumerable<DateTimeOffset> Seconds(DateTimeOffset from, DateTimeOffset to)
    {
        for (var second = from; second <= to; second = second.AddSeconds(1))
        {
            yield return second;
        }
    }
}
