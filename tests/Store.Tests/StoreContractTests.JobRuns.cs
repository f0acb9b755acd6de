using Backend.Domain.Jobs;

namespace Backend.Store.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Manual_request_is_refused_while_one_waits_or_runs_and_is_claimed_once()
    {
        (await Jobs.RequestRunAsync(Job, Guid.NewGuid(), Fire, Cancellation)).ShouldBe(RequestRunOutcome.UnknownJob);
        await RegisterJobAsync();
        await Jobs.SetPausedAsync(Job, true, Cancellation);
        var runId = Guid.NewGuid();

        (await Jobs.RequestRunAsync(Job, runId, Fire.AddSeconds(1), Cancellation)).ShouldBe(RequestRunOutcome.Requested);
        (await Jobs.RequestRunAsync(Job, Guid.NewGuid(), Fire.AddSeconds(2), Cancellation)).ShouldBe(RequestRunOutcome.AlreadyRunning);
        (await Jobs.FindRequestedAsync(Cancellation)).ShouldBe([new JobRun(runId, Job, Fire.AddSeconds(1), JobRunTrigger.Manual, JobRunStatus.Requested)]);

        var manual = ClaimOf(Fire.AddSeconds(1), Fire.AddSeconds(3), runId, JobRunTrigger.Manual);
        var claimed = await Jobs.ClaimAsync(manual, Cancellation);
        claimed.Status.ShouldBe(ClaimStatus.Claimed);
        (await Jobs.ClaimAsync(manual with { Instance = "worker-2" }, Cancellation)).Status.ShouldBe(ClaimStatus.TakenElsewhere);
        (await Jobs.FindRunAsync(runId, Cancellation)).ShouldBe(new JobRun(
            runId, Job, Fire.AddSeconds(1), JobRunTrigger.Manual, JobRunStatus.Running, "worker-1", Fire.AddSeconds(3), TraceId: "trace-1"));
        (await Jobs.FindRequestedAsync(Cancellation)).ShouldBeEmpty();
        (await Jobs.RequestRunAsync(Job, Guid.NewGuid(), Fire.AddSeconds(4), Cancellation)).ShouldBe(RequestRunOutcome.AlreadyRunning);

        await Jobs.CompleteAsync(claimed.Lease!, JobRunStatus.Succeeded, Fire.AddSeconds(5), null, null, Cancellation);
        (await Jobs.RequestRunAsync(Job, Guid.NewGuid(), Fire.AddSeconds(6), Cancellation)).ShouldBe(RequestRunOutcome.Requested);
    }

    [Fact]
    public async Task Missed_occurrences_are_recorded_once_and_count_as_scheduled_fire_times()
    {
        await RegisterJobAsync();
        (await Jobs.FindLatestScheduledFireTimeAsync(Job, Cancellation)).ShouldBeNull();
        var missed = new JobRun(Guid.NewGuid(), Job, Fire.AddHours(2), JobRunTrigger.Schedule, JobRunStatus.Missed, FinishedAt: Fire.AddHours(3));

        (await Jobs.TryRecordAsync(missed, Cancellation)).ShouldBeTrue();
        (await Jobs.TryRecordAsync(missed with { Id = Guid.NewGuid() }, Cancellation)).ShouldBeFalse();
        await Jobs.ClaimAsync(ClaimOf(Fire, Fire, trigger: JobRunTrigger.CatchUp), Cancellation);
        await Jobs.RequestRunAsync(Job, Guid.NewGuid(), Fire.AddHours(5), Cancellation);

        (await Jobs.FindRunAsync(missed.Id, Cancellation)).ShouldBe(missed);
        (await Jobs.FindLatestScheduledFireTimeAsync(Job, Cancellation)).ShouldBe(Fire.AddHours(2));
        (await Jobs.FindLatestScheduledFireTimeAsync("other", Cancellation)).ShouldBeNull();
    }

    [Fact]
    public async Task Runs_are_listed_newest_fire_time_first_a_page_at_a_time()
    {
        await RegisterJobAsync();
        for (var hour = 0; hour < 5; hour++)
        {
            await Jobs.TryRecordAsync(new JobRun(Guid.NewGuid(), Job, Fire.AddHours(hour), JobRunTrigger.Schedule, JobRunStatus.Missed), Cancellation);
        }

        await Jobs.TryRecordAsync(new JobRun(Guid.NewGuid(), "other", Fire, JobRunTrigger.Schedule, JobRunStatus.Missed), Cancellation);

        var first = await Jobs.ListRunsAsync(Job, 1, 2, Cancellation);
        var last = await Jobs.ListRunsAsync(Job, 3, 2, Cancellation);

        first.Items.Select(run => run.FireTime).ShouldBe([Fire.AddHours(4), Fire.AddHours(3)]);
        (first.Page, first.PageSize, first.TotalCount).ShouldBe((1, 2, 5L));
        last.Items.ShouldHaveSingleItem().FireTime.ShouldBe(Fire);
    }

    [Fact]
    public async Task Removing_old_runs_keeps_runs_still_requested_or_running_and_recent_ones()
    {
        await RegisterJobAsync();
        await RegisterJobAsync("other");
        var oldMissed = new JobRun(Guid.NewGuid(), Job, Fire, JobRunTrigger.Schedule, JobRunStatus.Missed);
        var recentMissed = oldMissed with { Id = Guid.NewGuid(), FireTime = Fire.AddDays(10) };
        await Jobs.TryRecordAsync(oldMissed, Cancellation);
        await Jobs.TryRecordAsync(recentMissed, Cancellation);
        var running = ClaimOf(Fire.AddHours(1), Fire.AddHours(1));
        await Jobs.ClaimAsync(running, Cancellation);
        var requested = Guid.NewGuid();
        await Jobs.RequestRunAsync("other", requested, Fire.AddHours(2), Cancellation);

        (await Jobs.RemoveRunsBeforeAsync(Fire.AddDays(5), Cancellation)).ShouldBe(1);

        (await Jobs.FindRunAsync(oldMissed.Id, Cancellation)).ShouldBeNull();
        (await Jobs.FindRunAsync(recentMissed.Id, Cancellation)).ShouldNotBeNull();
        (await Jobs.FindRunAsync(running.RunId, Cancellation)).ShouldNotBeNull();
        (await Jobs.FindRunAsync(requested, Cancellation)).ShouldNotBeNull();
    }
}
