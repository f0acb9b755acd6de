using System.Diagnostics;

using Backend.Domain.Jobs;
using Backend.Fulfilment.Jobs;
using Backend.Fulfilment.Tests.Infrastructure;

using Microsoft.Extensions.DependencyInjection;

namespace Backend.Fulfilment.Tests.Jobs;

/// <summary>The runner's claim, record and overlap rules over a real SQLite store, time held still by the fake clock.</summary>
public sealed class JobRunnerTests
{
    private const string Blocking = "test-blocking";
    private const string Failing = "test-failing";

    [Fact]
    public async Task Of_two_runners_offered_one_fire_time_one_runs_it_and_the_other_records_nothing()
    {
        await using var fixture = await StartAsync();
        var fire = fixture.Time.GetUtcNow();
        var (first, second) = (NewRunner(fixture), NewRunner(fixture));
        // As the hosts' tracing does: each run is a trace of its own, named in the history.
        using var tracing = new ActivityListener
        {
            ShouldListenTo = source => source.Name == JobTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        };
        ActivitySource.AddActivityListener(tracing);

        var outcomes = await Task.WhenAll(
            first.RunAsync(JobNames.LowStockScan, fire, JobRunTrigger.Schedule),
            second.RunAsync(JobNames.LowStockScan, fire, JobRunTrigger.Schedule));

        outcomes.ShouldBe([JobRunStatus.Succeeded, null], ignoreOrder: true);
        var run = (await RunsAsync(fixture, JobNames.LowStockScan)).ShouldHaveSingleItem();
        run.Status.ShouldBe(JobRunStatus.Succeeded);
        run.Summary.ShouldBe("checked 0 products, announced 0 below their reorder point");
        run.Instance.ShouldBe(JobRunner.Instance);
        run.TraceId!.ShouldMatch("^[0-9a-f]{32}$");
    }

    [Fact]
    public async Task A_fire_time_while_the_job_still_runs_is_recorded_Skipped_and_not_run()
    {
        await using var fixture = await StartAsync();
        var fire = fixture.Time.GetUtcNow();
        var gate = fixture.Services.GetRequiredService<Gate>();
        var running = NewRunner(fixture).RunAsync(Blocking, fire, JobRunTrigger.Schedule);
        await gate.Started.Task.WaitAsync(TestContext.Current.CancellationToken);

        (await NewRunner(fixture).RunAsync(Blocking, fire.AddSeconds(1), JobRunTrigger.Schedule)).ShouldBe(JobRunStatus.Skipped);
        gate.Release.SetResult();
        (await running).ShouldBe(JobRunStatus.Succeeded);

        var runs = await RunsAsync(fixture, Blocking);
        runs.Select(run => (run.FireTime, run.Status)).ShouldBe([(fire.AddSeconds(1), JobRunStatus.Skipped), (fire, JobRunStatus.Succeeded)]);
        gate.Runs.ShouldBe(1);
    }

    [Fact]
    public async Task A_failing_run_is_recorded_Failed_with_its_error_and_frees_the_job()
    {
        await using var fixture = await StartAsync();
        var fire = fixture.Time.GetUtcNow();

        (await NewRunner(fixture).RunAsync(Failing, fire, JobRunTrigger.Schedule)).ShouldBe(JobRunStatus.Failed);
        (await NewRunner(fixture).RunAsync(Failing, fire.AddSeconds(1), JobRunTrigger.Schedule)).ShouldBe(JobRunStatus.Failed);

        var failed = (await RunsAsync(fixture, Failing))[^1];
        failed.Error!.Split('\n')[0].ShouldBe("System.InvalidOperationException: The warehouse system did not answer.");
        failed.Error.ShouldContain(nameof(FailingJob));
        failed.FinishedAt.ShouldBe(fire);
    }

    private static async Task<FulfilmentHarness> StartAsync()
    {
        var fixture = await FulfilmentHarness.StartAsync(replace: services =>
        {
            services.AddSingleton<Gate>();
            services.AddKeyedScoped<IRecurringJob, BlockingJob>(Blocking);
            services.AddKeyedScoped<IRecurringJob, FailingJob>(Failing);
        });
        var jobs = fixture.Services.GetRequiredService<IJobStore>();
        foreach (var name in new[] { JobNames.LowStockScan, Blocking, Failing })
        {
            await jobs.RegisterAsync(new JobDefinition(name, "0 0 0 1 1 ? 2099", Enabled: true), null, TestContext.Current.CancellationToken);
        }

        return fixture;
    }

    // One runner per simulated replica: each has its own cut-off and its own set of runs in progress.
    private static JobRunner NewRunner(FulfilmentHarness fixture) => ActivatorUtilities.CreateInstance<JobRunner>(fixture.Services);

    private static async Task<IReadOnlyList<JobRun>> RunsAsync(FulfilmentHarness fixture, string job) =>
        (await fixture.Services.GetRequiredService<IJobStore>().ListRunsAsync(job, 1, 100, TestContext.Current.CancellationToken)).Items;

    private sealed class Gate
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Runs { get; set; }
    }

    private sealed class BlockingJob(Gate gate) : IRecurringJob
    {
        public async Task<string> RunAsync(JobOccurrence occurrence, CancellationToken cancellationToken)
        {
            gate.Runs++;
            gate.Started.TrySetResult();
            await gate.Release.Task.WaitAsync(cancellationToken);
            return "released";
        }
    }

    private sealed class FailingJob : IRecurringJob
    {
        public Task<string> RunAsync(JobOccurrence occurrence, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The warehouse system did not answer.");
    }
}
