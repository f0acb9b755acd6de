using Backend.Domain.Jobs;

using Microsoft.Extensions.DependencyInjection;

namespace Backend.Store.Tests;

public abstract partial class StoreContractTests
{
    private const string Job = "daily-sales-report";
    private static readonly DateTimeOffset Fire = TestOrders.T0;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Jobs_are_listed_by_name_and_registering_again_keeps_the_pause()
    {
        await Jobs.RegisterAsync(new JobDefinition("b-job", "0 * * * *", true), Fire.AddHours(1), Cancellation);
        await Jobs.RegisterAsync(new JobDefinition("a-job", "0 0 * * *", true), Fire.AddDays(1), Cancellation);
        (await Jobs.SetPausedAsync("a-job", true, Cancellation)).ShouldBeTrue();
        await Jobs.RegisterAsync(new JobDefinition("a-job", "30 0 * * *", false), Fire.AddDays(2), Cancellation);
        await Jobs.SetNextFireAsync("b-job", Fire.AddHours(2).AddTicks(1_234_567), Cancellation);

        var jobs = await Jobs.ListAsync(Cancellation);

        jobs.ShouldBe(
        [
            new JobState("a-job", "30 0 * * *", false, true, Fire.AddDays(2), null, null, null),
            new JobState("b-job", "0 * * * *", true, false, Fire.AddHours(2).AddMilliseconds(123), null, null, null),
        ]);
        (await Jobs.SetPausedAsync("nope", true, Cancellation)).ShouldBeFalse();
    }

    [Fact]
    public async Task Claim_is_taken_elsewhere_when_another_claimed_the_fire_time_first()
    {
        await RegisterJobAsync();
        var first = ClaimOf(Fire, Fire.AddSeconds(1), instance: "worker-1");
        var second = ClaimOf(Fire, Fire.AddSeconds(2), instance: "worker-2");

        (await Jobs.ClaimAsync(first, Cancellation)).ShouldBe(new ClaimResult(ClaimStatus.Claimed, new JobLease(Job, first.RunId, 1)));
        (await Jobs.ClaimAsync(second, Cancellation)).ShouldBe(new ClaimResult(ClaimStatus.TakenElsewhere));

        (await Jobs.FindRunAsync(second.RunId, Cancellation)).ShouldBeNull();
        (await Jobs.FindRunAsync(first.RunId, Cancellation)).ShouldBe(new JobRun(
            first.RunId, Job, Fire, JobRunTrigger.Schedule, JobRunStatus.Running, "worker-1", Fire.AddSeconds(1), TraceId: "trace-1"));
        (await Jobs.ListAsync(Cancellation)).ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            state => state.RunningRunId.ShouldBe(first.RunId), state => state.LeaseUntil.ShouldBe(first.LeaseUntil));
    }

    [Fact]
    public async Task Claim_records_nothing_when_the_job_is_paused_or_unknown()
    {
        (await Jobs.ClaimAsync(ClaimOf(Fire, Fire), Cancellation)).Status.ShouldBe(ClaimStatus.UnknownJob);
        await RegisterJobAsync();
        await Jobs.SetPausedAsync(Job, true, Cancellation);

        (await Jobs.ClaimAsync(ClaimOf(Fire, Fire), Cancellation)).Status.ShouldBe(ClaimStatus.Paused);
        (await Jobs.ClaimAsync(ClaimOf(Fire, Fire, trigger: JobRunTrigger.CatchUp), Cancellation)).Status.ShouldBe(ClaimStatus.Paused);

        (await Jobs.ListRunsAsync(Job, 1, 10, Cancellation)).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task Claim_is_recorded_skipped_when_an_earlier_run_holds_a_live_lease()
    {
        await RegisterJobAsync();
        var running = ClaimOf(Fire, Fire);
        await Jobs.ClaimAsync(running, Cancellation);
        var next = ClaimOf(Fire.AddSeconds(30), Fire.AddSeconds(30));

        (await Jobs.ClaimAsync(next, Cancellation)).ShouldBe(new ClaimResult(ClaimStatus.Overlapped));

        var skipped = await Jobs.FindRunAsync(next.RunId, Cancellation);
        skipped.ShouldNotBeNull();
        skipped.Status.ShouldBe(JobRunStatus.Skipped);
        skipped.FinishedAt.ShouldBe(next.Now);
        skipped.Summary.ShouldBe($"skipped: run {running.RunId} still running");
        (await Jobs.ListAsync(Cancellation)).ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            state => state.RunningRunId.ShouldBe(running.RunId), state => state.LastRun.ShouldBe(skipped));
    }

    [Fact]
    public async Task Expired_lease_is_taken_over_with_a_greater_token_and_its_run_interrupted()
    {
        await RegisterJobAsync();
        var stalled = ClaimOf(Fire, Fire);
        await Jobs.ClaimAsync(stalled, Cancellation);
        var next = ClaimOf(Fire.AddMinutes(5), Fire.AddMinutes(5));

        var claimed = await Jobs.ClaimAsync(next, Cancellation);

        claimed.ShouldBe(new ClaimResult(ClaimStatus.Claimed, new JobLease(Job, next.RunId, 2), stalled.RunId));
        var interrupted = await Jobs.FindRunAsync(stalled.RunId, Cancellation);
        interrupted.ShouldNotBeNull();
        interrupted.Status.ShouldBe(JobRunStatus.Interrupted);
        interrupted.FinishedAt.ShouldBe(next.Now);
        interrupted.Error.ShouldBe("lease expired; holder presumed stopped");
    }

    [Fact]
    public async Task Claim_interrupts_a_run_left_running_without_the_lease()
    {
        // What a process that stopped between freeing the lease and recording the outcome leaves behind.
        await RegisterJobAsync();
        var orphan = new JobRun(Guid.NewGuid(), Job, Fire, JobRunTrigger.Schedule, JobRunStatus.Running, "worker-9", Fire);
        (await Jobs.TryRecordAsync(orphan, Cancellation)).ShouldBeTrue();
        var next = ClaimOf(Fire.AddMinutes(5), Fire.AddMinutes(5));

        (await Jobs.ClaimAsync(next, Cancellation)).ShouldBe(new ClaimResult(ClaimStatus.Claimed, new JobLease(Job, next.RunId, 1)));

        (await Jobs.FindRunAsync(orphan.Id, Cancellation)).ShouldBe(
            orphan with { Status = JobRunStatus.Interrupted, FinishedAt = next.Now, Error = "lease expired; holder presumed stopped" });
    }

    [Fact]
    public async Task Renew_and_complete_of_a_lease_taken_over_return_false_and_write_nothing()
    {
        await RegisterJobAsync();
        var stalled = ClaimOf(Fire, Fire);
        var stalledLease = (await Jobs.ClaimAsync(stalled, Cancellation)).Lease!;
        var next = ClaimOf(Fire.AddMinutes(5), Fire.AddMinutes(5));
        var nextLease = (await Jobs.ClaimAsync(next, Cancellation)).Lease!;

        (await Jobs.RenewAsync(stalledLease, Fire.AddHours(1), Cancellation)).ShouldBeFalse();
        (await Jobs.CompleteAsync(stalledLease, JobRunStatus.Succeeded, Fire.AddMinutes(6), "done", null, Cancellation)).ShouldBeFalse();

        (await Jobs.FindRunAsync(stalled.RunId, Cancellation))!.Status.ShouldBe(JobRunStatus.Interrupted);
        (await Jobs.ListAsync(Cancellation)).ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            state => state.RunningRunId.ShouldBe(next.RunId), state => state.LeaseUntil.ShouldBe(next.LeaseUntil));
        (await Jobs.RenewAsync(nextLease, Fire.AddMinutes(7), Cancellation)).ShouldBeTrue();
        (await Jobs.CompleteAsync(nextLease, JobRunStatus.Failed, Fire.AddMinutes(6), "half", "boom", Cancellation)).ShouldBeTrue();
        (await Jobs.FindRunAsync(next.RunId, Cancellation)).ShouldBe(new JobRun(
            next.RunId, Job, next.FireTime, JobRunTrigger.Schedule, JobRunStatus.Failed, "worker-1", next.Now, Fire.AddMinutes(6), "half", "trace-1", "boom"));
    }

    [Fact]
    public async Task Renewed_lease_keeps_later_claims_out_and_completion_frees_it_for_the_next_token()
    {
        await RegisterJobAsync();
        var first = ClaimOf(Fire, Fire);
        var lease = (await Jobs.ClaimAsync(first, Cancellation)).Lease!;
        (await Jobs.RenewAsync(lease, Fire.AddMinutes(10), Cancellation)).ShouldBeTrue();

        (await Jobs.ClaimAsync(ClaimOf(Fire.AddMinutes(5), Fire.AddMinutes(5)), Cancellation)).Status.ShouldBe(ClaimStatus.Overlapped);
        (await Jobs.CompleteAsync(lease, JobRunStatus.Succeeded, Fire.AddMinutes(6), "42 rows", null, Cancellation)).ShouldBeTrue();
        var after = ClaimOf(Fire.AddMinutes(7), Fire.AddMinutes(7));

        (await Jobs.ClaimAsync(after, Cancellation)).ShouldBe(new ClaimResult(ClaimStatus.Claimed, new JobLease(Job, after.RunId, 2)));
        (await Jobs.FindRunAsync(first.RunId, Cancellation))!.Status.ShouldBe(JobRunStatus.Succeeded);
    }

    [Fact]
    public async Task Claim_of_one_fire_time_racing_from_several_processes_is_won_once()
    {
        await RegisterJobAsync();
        var stores = new List<IJobStore> { Jobs };
        for (var process = 1; process < 4; process++)
        {
            stores.Add((await StartHostAsync()).Services.GetRequiredService<IJobStore>());
        }

        var claims = stores.SelectMany(store => Enumerable.Range(0, 3).Select(_ => (Store: store, Request: ClaimOf(Fire, Fire)))).ToList();
        var results = await Task.WhenAll(claims.Select(claim => Task.Run(() => claim.Store.ClaimAsync(claim.Request, Cancellation), Cancellation)));

        results.Count(result => result.Status == ClaimStatus.Claimed).ShouldBe(1);
        results.Count(result => result.Status == ClaimStatus.TakenElsewhere).ShouldBe(claims.Count - 1);
        (await Jobs.ListRunsAsync(Job, 1, 20, Cancellation)).Items.ShouldHaveSingleItem().Status.ShouldBe(JobRunStatus.Running);
    }

    private Task RegisterJobAsync(string job = Job) =>
        Jobs.RegisterAsync(new JobDefinition(job, "0 0 * * *", true), Fire.AddDays(1), Cancellation);

    private static ClaimRequest ClaimOf(
        DateTimeOffset fireTime, DateTimeOffset now, Guid? runId = null, JobRunTrigger trigger = JobRunTrigger.Schedule,
        string instance = "worker-1") =>
        new(Job, runId ?? Guid.NewGuid(), fireTime, trigger, instance, now, now + Lease, "trace-1");
}
