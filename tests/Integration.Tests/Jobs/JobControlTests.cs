using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Backend.Domain.Jobs;
using Backend.Fulfilment.Jobs;
using Backend.Integration.Tests.Faults;
using Backend.Integration.Tests.Infrastructure;

namespace Backend.Integration.Tests.Jobs;

/// <summary>Operators' control through the ingress process, obeyed by a separate workers process through the store.</summary>
public sealed class JobControlTests(KillableBroker broker) : IClassFixture<KillableBroker>
{
    [Fact]
    public async Task Trigger_answers_202_with_the_run_the_worker_then_records_and_409_while_it_runs()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        // Scheduled far away: only the operator's trigger runs it. Each run takes 3 s, so a second trigger meets it.
        var settings = JobSettings.Only(nameof(JobsOptions.LowStockScan), "0 0 0 1 1 ? 2099");
        await using var stack = await ProcessStack.StartAsync(
            broker, workerCount: 1, seed: [], settings, firstWorkerStart: JobSettings.SlowRuns(TimeSpan.FromSeconds(3)));
        await stack.GuardAsync(async () =>
        {
            using var client = stack.Client(TestKeys.Operator);
            var jobs = await WaitForJobsAsync(client);
            var scan = jobs.EnumerateArray().Single(job => job.GetProperty("name").GetString() == JobNames.LowStockScan);
            scan.GetProperty("cron").GetString().ShouldBe("0 0 0 1 1 ? 2099");
            scan.GetProperty("enabled").GetBoolean().ShouldBeTrue();
            scan.GetProperty("paused").GetBoolean().ShouldBeFalse();
            scan.GetProperty("nextFireAt").GetDateTimeOffset().Year.ShouldBe(2099);

            var triggered = await client.PostAsync($"/api/admin/jobs/{JobNames.LowStockScan}/trigger", null, cancellationToken);
            triggered.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            var runId = (await triggered.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
            triggered.Headers.Location!.ToString().ShouldBe($"/api/admin/jobs/{JobNames.LowStockScan}/runs/{runId}");

            var again = await client.PostAsync($"/api/admin/jobs/{JobNames.LowStockScan}/trigger", null, cancellationToken);
            again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await again.Content.ReadAsStringAsync(cancellationToken)).ShouldContain("is running or has a requested run waiting");

            var run = await Eventually.GetAsync(
                ct => client.GetFromJsonAsync<JsonElement>($"/api/admin/jobs/{JobNames.LowStockScan}/runs/{runId}", ct),
                view => view.GetProperty("status").GetString() == nameof(JobRunStatus.Succeeded),
                "the triggered run's outcome");
            run.GetProperty("trigger").GetString().ShouldBe(nameof(JobRunTrigger.Manual));
            run.GetProperty("summary").GetString().ShouldBe("checked 0 products, announced 0 below their reorder point");
            run.GetProperty("instance").GetString().ShouldEndWith($":{stack.Workers[0].ProcessId}");
            run.GetProperty("durationMs").GetInt64().ShouldBeGreaterThanOrEqualTo(3000);

            var history = await client.GetFromJsonAsync<JsonElement>($"/api/admin/jobs/{JobNames.LowStockScan}/runs?page=1&pageSize=10", cancellationToken);
            history.GetProperty("totalCount").GetInt64().ShouldBe(1);
            history.GetProperty("items")[0].GetProperty("id").GetGuid().ShouldBe(runId);
            (await client.PostAsync("/api/admin/jobs/no-such-job/trigger", null, cancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        });
    }

    [Fact]
    public async Task A_pause_through_the_ingress_stops_the_worker_running_the_job_and_a_resume_starts_it_again()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var settings = JobSettings.Only(nameof(JobsOptions.LowStockScan), "* * * * * ?");
        await using var stack = await ProcessStack.StartAsync(broker, workerCount: 1, seed: [], settings);
        await stack.GuardAsync(async () =>
        {
            using var client = stack.Client(TestKeys.Operator);
            await using var store = StoreAccess.Sqlite(stack.DatabasePath);
            await WaitForRunsAsync(store, count => count >= 2, "runs before the pause");

            var paused = await client.PostAsync($"/api/admin/jobs/{JobNames.LowStockScan}/pause", null, cancellationToken);
            paused.StatusCode.ShouldBe(HttpStatusCode.OK);
            var view = await paused.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            view.GetProperty("paused").GetBoolean().ShouldBeTrue();
            view.GetProperty("nextFireAt").ValueKind.ShouldBe(JsonValueKind.Null);

            // A claim already past the pause check may still finish; after that, three fire times pass unrun.
            await Task.Delay(TimeSpan.FromSeconds(1.5), cancellationToken);
            var atPause = await CountRunsAsync(store);
            await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
            (await CountRunsAsync(store)).ShouldBe(atPause);

            (await client.PostAsync($"/api/admin/jobs/{JobNames.LowStockScan}/resume", null, cancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
            await WaitForRunsAsync(store, count => count >= atPause + 2, "runs after the resume");
            (await client.PostAsync("/api/admin/jobs/no-such-job/pause", null, cancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        });
    }

    private static async Task<JsonElement> WaitForJobsAsync(HttpClient client) =>
        await Eventually.GetAsync(
            ct => client.GetFromJsonAsync<JsonElement>("/api/admin/jobs", ct),
            jobs => jobs.GetArrayLength() == new JobsOptions().Schedules.Count,
            "the jobs the worker registered");

    private static async Task<int> CountRunsAsync(StoreAccess store) =>
        (int)(await store.Jobs.ListRunsAsync(JobNames.LowStockScan, 1, 1, TestContext.Current.CancellationToken)).TotalCount;

    private static Task WaitForRunsAsync(StoreAccess store, Func<int, bool> done, string what) =>
        Eventually.GetAsync(_ => CountRunsAsync(store), done, what);
}
