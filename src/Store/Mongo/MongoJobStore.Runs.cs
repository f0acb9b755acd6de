using Backend.Domain.Jobs;

using MongoDB.Driver;

namespace Backend.Store.Mongo;

/// <summary>The reads of the jobs' state and the removal of old runs.</summary>
internal sealed partial class MongoJobStore
{
    private static readonly JobRunStatus[] NotFinal = [JobRunStatus.Requested, JobRunStatus.Running];
    private static readonly SortDefinition<JobRunDocument> NewestFirst = Builders<JobRunDocument>.Sort.Descending(d => d.FireTime);

    public Task<IReadOnlyList<JobState>> ListAsync(CancellationToken cancellationToken) =>
        context.RunAsync<IReadOnlyList<JobState>>("list_jobs", async () =>
        {
            var jobs = await context.Jobs.Find(Job.Empty).Sort(Builders<JobDocument>.Sort.Ascending(d => d.Name)).ToListAsync(cancellationToken);
            var states = new List<JobState>(jobs.Count);
            // One query per job: jobs are few, and each reads one entry of the (job, fireTime) index.
            foreach (var job in jobs)
            {
                var last = await context.JobRuns.Find(Run.Eq(d => d.Job, job.Name) & Run.Nin(d => d.Status, NotFinal))
                    .Sort(NewestFirst).Limit(1).FirstOrDefaultAsync(cancellationToken);
                states.Add(new JobState(
                    job.Name, job.Cron, job.Enabled, job.Paused, Instant(job.NextFireAt), job.HolderRunId, Instant(job.LeaseUntil), last?.ToDomain()));
            }

            return states;
        }, cancellationToken);

    public Task<IReadOnlyList<JobRun>> FindRequestedAsync(CancellationToken cancellationToken) =>
        context.RunAsync<IReadOnlyList<JobRun>>("find_requested_job_runs", async () =>
        {
            var runs = await context.JobRuns.Find(Run.Eq(d => d.Status, JobRunStatus.Requested))
                .Sort(Builders<JobRunDocument>.Sort.Ascending(d => d.FireTime).Ascending(d => d.Id))
                .ToListAsync(cancellationToken);
            return [.. runs.Select(run => run.ToDomain())];
        }, cancellationToken);

    public Task<JobRun?> FindRunAsync(Guid runId, CancellationToken cancellationToken) =>
        context.RunAsync("find_job_run", async () =>
            (await context.JobRuns.Find(Run.Eq(d => d.Id, runId)).FirstOrDefaultAsync(cancellationToken))?.ToDomain(),
            cancellationToken);

    public Task<JobRunPage> ListRunsAsync(string job, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var filter = Run.Eq(d => d.Job, job);
        return context.RunAsync("list_job_runs", async () =>
        {
            var total = await context.JobRuns.CountDocumentsAsync(filter, cancellationToken: cancellationToken);
            var runs = await context.JobRuns.Find(filter).Sort(NewestFirst).Skip((page - 1) * pageSize).Limit(pageSize)
                .ToListAsync(cancellationToken);
            return new JobRunPage([.. runs.Select(run => run.ToDomain())], page, pageSize, total);
        }, cancellationToken);
    }

    public Task<DateTimeOffset?> FindLatestScheduledFireTimeAsync(string job, CancellationToken cancellationToken) =>
        context.RunAsync("find_latest_scheduled_fire_time", async () =>
        {
            var latest = await context.JobRuns
                .Find(Run.Eq(d => d.Job, job) & Run.In(d => d.Trigger, [JobRunTrigger.Schedule, JobRunTrigger.CatchUp]))
                .Sort(NewestFirst).Limit(1).FirstOrDefaultAsync(cancellationToken);
            return latest is null ? (DateTimeOffset?)null : MongoMapping.Instant(latest.FireTime);
        }, cancellationToken);

    public Task<int> RemoveRunsBeforeAsync(DateTimeOffset firedBefore, CancellationToken cancellationToken) =>
        context.RunAsync("remove_job_runs", async () => (int)(await context.JobRuns.DeleteManyAsync(
            Run.Lt(d => d.FireTime, MongoMapping.Date(firedBefore)) & Run.Nin(d => d.Status, NotFinal), cancellationToken)).DeletedCount,
            cancellationToken);

    private static DateTimeOffset? Instant(DateTime? value) => value is { } date ? MongoMapping.Instant(date) : null;
}
