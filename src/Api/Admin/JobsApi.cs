using Backend.Api.Auth;
using Backend.Api.OpenApi;
using Backend.Domain.Jobs;
using Backend.Validation;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Backend.Api.Admin;

public sealed record JobRunView(
    Guid Id,
    string Job,
    DateTimeOffset FireTime,
    JobRunTrigger Trigger,
    JobRunStatus Status,
    string? Instance,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    long? DurationMs,
    string? Summary,
    string? TraceId,
    string? Error)
{
    public static JobRunView From(JobRun run) => new(
        run.Id, run.Job, run.FireTime, run.Trigger, run.Status, run.Instance, run.StartedAt, run.FinishedAt,
        run.Duration is { } duration ? (long)duration.TotalMilliseconds : null, run.Summary, run.TraceId, run.Error);
}

/// <summary>
/// A job for operators: <c>NextFireAt</c> is null while it is disabled or paused, <c>Running</c> names the run that
/// holds its lease now, <c>LastRun</c> is its newest recorded outcome.
/// </summary>
public sealed record JobView(string Name, string Cron, bool Enabled, bool Paused, DateTimeOffset? NextFireAt, Guid? Running, JobRunView? LastRun)
{
    public static JobView From(JobState job, DateTimeOffset now) => new(
        job.Name,
        job.Cron,
        job.Enabled,
        job.Paused,
        job.Enabled && !job.Paused ? job.NextFireAt : null,
        job.LeaseUntil > now ? job.RunningRunId : null,
        job.LastRun is null ? null : JobRunView.From(job.LastRun));
}

public sealed record JobRunList(IReadOnlyList<JobRunView> Items, int Page, int PageSize, long TotalCount);

/// <summary>The trigger's answer: the run's id, to find it in the job's history.</summary>
public sealed record JobRunRequested(Guid Id, string Job, JobRunStatus Status);

/// <summary>
/// Operators' control of the recurring jobs. Every replica obeys what is stored: a pause holds for all of them, and
/// a triggered run is taken up by the first worker that sees it. Jobs appear once a worker has registered them.
/// </summary>
public static class JobsApi
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static RouteGroupBuilder MapJobs(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/admin/jobs")
            .WithTags("Jobs")
            .RequireAuthorization(ApiPolicies.Operator);
        group.MapGet("/", ListJobsAsync).WithName("ListJobs");
        group.MapGet("/{name}/runs", ListRunsAsync).WithName("ListJobRuns");
        group.MapGet("/{name}/runs/{id:guid}", GetRunAsync).WithName("GetJobRun");
        group.MapPost("/{name}/trigger", TriggerAsync).WithName("TriggerJob")
            .ProducesHeader(StatusCodes.Status202Accepted, HeaderNames.Location, "The run, to follow in the job's history.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{name}/pause", (string name, IJobStore jobs, TimeProvider time, CancellationToken cancellationToken) =>
            SetPausedAsync(name, true, jobs, time, cancellationToken)).WithName("PauseJob");
        group.MapPost("/{name}/resume", (string name, IJobStore jobs, TimeProvider time, CancellationToken cancellationToken) =>
            SetPausedAsync(name, false, jobs, time, cancellationToken)).WithName("ResumeJob");
        return group;
    }

    public static async Task<Ok<IReadOnlyList<JobView>>> ListJobsAsync(IJobStore jobs, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        IReadOnlyList<JobView> views = [.. (await jobs.ListAsync(cancellationToken)).Select(job => JobView.From(job, now))];
        return TypedResults.Ok(views);
    }

    public static async Task<Results<Ok<JobRunList>, NotFound, ValidationProblem>> ListRunsAsync(
        string name, int? page, int? pageSize, IJobStore jobs, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Check(page is null or >= 1, "page", "Must be a whole number from 1.");
        errors.Check(pageSize is null or >= 1 and <= MaxPageSize, "pageSize", $"Must be a whole number from 1 to {MaxPageSize}.");
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (await FindAsync(name, jobs, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var runs = await jobs.ListRunsAsync(name, page ?? 1, pageSize ?? DefaultPageSize, cancellationToken);
        return TypedResults.Ok(new JobRunList([.. runs.Items.Select(JobRunView.From)], runs.Page, runs.PageSize, runs.TotalCount));
    }

    public static async Task<Results<Ok<JobRunView>, NotFound>> GetRunAsync(string name, Guid id, IJobStore jobs, CancellationToken cancellationToken) =>
        await jobs.FindRunAsync(id, cancellationToken) is { } run && run.Job == name
            ? TypedResults.Ok(JobRunView.From(run))
            : TypedResults.NotFound();

    /// <summary>Asks for a run now; 409 while the job runs or a requested run waits, as the overlap rule allows one at a time.</summary>
    public static async Task<Results<Accepted<JobRunRequested>, NotFound, ProblemHttpResult>> TriggerAsync(
        string name, IJobStore jobs, TimeProvider time, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        return await jobs.RequestRunAsync(name, id, time.GetUtcNow(), cancellationToken) switch
        {
            RequestRunOutcome.Requested => TypedResults.Accepted($"/api/admin/jobs/{name}/runs/{id}", new JobRunRequested(id, name, JobRunStatus.Requested)),
            RequestRunOutcome.AlreadyRunning => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The job is running",
                detail: $"Job '{name}' is running or has a requested run waiting; trigger it again once that run is recorded."),
            _ => TypedResults.NotFound(),
        };
    }

    public static async Task<Results<Ok<JobView>, NotFound>> SetPausedAsync(
        string name, bool paused, IJobStore jobs, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await jobs.SetPausedAsync(name, paused, cancellationToken) || await FindAsync(name, jobs, cancellationToken) is not { } job)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(JobView.From(job, time.GetUtcNow()));
    }

    private static async Task<JobState?> FindAsync(string name, IJobStore jobs, CancellationToken cancellationToken) =>
        (await jobs.ListAsync(cancellationToken)).FirstOrDefault(job => job.Name == name);
}
