using System.Net;

using Backend.Api.Tests.Infrastructure;
using Backend.Domain.Jobs;

using Microsoft.Extensions.DependencyInjection;

namespace Backend.Api.Tests.Admin;

[Collection(ApiCollection.Name)]
public sealed class JobsApiTests(ApiFactory factory)
{
    private readonly HttpClient _operator = factory.CreateClient(TestKeys.Operator);

    [Fact]
    public async Task A_registered_job_is_listed_triggered_once_at_a_time_paused_and_resumed()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        // A name no worker registers: the API host of these tests runs no scheduler, so the request stays waiting.
        const string job = "api-test-job";
        await factory.Services.GetRequiredService<IJobStore>().RegisterAsync(
            new JobDefinition(job, "0 0 0 1 1 ? 2099", Enabled: true), new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero), cancellationToken);

        var listed = (await (await _operator.GetAsync("/api/admin/jobs", cancellationToken)).ReadJsonAsync())
            .EnumerateArray().Single(view => view.GetProperty("name").GetString() == job);
        listed.GetProperty("nextFireAt").GetDateTimeOffset().Year.ShouldBe(2099);

        using var triggered = await _operator.PostAsync($"/api/admin/jobs/{job}/trigger", null, cancellationToken);
        triggered.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var id = (await triggered.ReadJsonAsync()).GetProperty("id").GetGuid();
        using var again = await _operator.PostAsync($"/api/admin/jobs/{job}/trigger", null, cancellationToken);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var run = await (await _operator.GetAsync($"/api/admin/jobs/{job}/runs/{id}", cancellationToken)).ReadJsonAsync();
        run.GetProperty("status").GetString().ShouldBe("Requested");
        run.GetProperty("trigger").GetString().ShouldBe("Manual");

        var paused = await (await _operator.PostAsync($"/api/admin/jobs/{job}/pause", null, cancellationToken)).ReadJsonAsync();
        paused.GetProperty("paused").GetBoolean().ShouldBeTrue();
        paused.GetProperty("nextFireAt").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        var resumed = await (await _operator.PostAsync($"/api/admin/jobs/{job}/resume", null, cancellationToken)).ReadJsonAsync();
        resumed.GetProperty("paused").GetBoolean().ShouldBeFalse();
    }

    [Theory]
    [InlineData("/api/admin/jobs/no-such-job/runs", "GET")]
    [InlineData("/api/admin/jobs/no-such-job/trigger", "POST")]
    [InlineData("/api/admin/jobs/no-such-job/pause", "POST")]
    [InlineData("/api/admin/jobs/no-such-job/resume", "POST")]
    public async Task Not_found_for_a_job_no_worker_registered(string path, string method)
    {
        using var response = await _operator.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("pageSize=101")]
    public async Task Validation_problem_for_a_page_out_of_range(string query)
    {
        using var response = await _operator.GetAsync($"/api/admin/jobs/any/runs?{query}", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
