using Backend.Domain.Jobs;

using MongoDB.Driver;

namespace Backend.Store.Mongo;

/// <summary>
/// The jobs' shared state without multi-document transactions. A claim inserts its occurrence (the unique
/// (job, fireTime) index lets one claimer in), then takes the lease in one conditional update of the job; a
/// completion frees the lease conditionally, then records the outcome. Between two steps another process may act,
/// and each step is written so that what it leaves is still a state the next claim knows how to finish.
/// </summary>
internal sealed partial class MongoJobStore(MongoStoreContext context) : IJobStore
{
    private static readonly FilterDefinitionBuilder<JobDocument> Job = Builders<JobDocument>.Filter;
    private static readonly FilterDefinitionBuilder<JobRunDocument> Run = Builders<JobRunDocument>.Filter;
    private static readonly UpdateDefinitionBuilder<JobDocument> JobUpdate = Builders<JobDocument>.Update;
    private static readonly UpdateDefinitionBuilder<JobRunDocument> RunUpdate = Builders<JobRunDocument>.Update;

    public Task RegisterAsync(JobDefinition definition, DateTimeOffset? nextFireAt, CancellationToken cancellationToken) =>
        context.RunAsync("register_job", () => context.Jobs.UpdateOneAsync(
            Job.Eq(d => d.Name, definition.Name),
            JobUpdate
                .Set(d => d.Cron, definition.Cron)
                .Set(d => d.Enabled, definition.Enabled)
                .Set(d => d.NextFireAt, Date(nextFireAt))
                .SetOnInsert(d => d.Paused, false)
                .SetOnInsert(d => d.Token, 0L),
            new UpdateOptions { IsUpsert = true },
            cancellationToken), cancellationToken);

    public Task<bool> SetPausedAsync(string job, bool paused, CancellationToken cancellationToken) =>
        context.RunAsync("set_job_paused", async () => (await context.Jobs.UpdateOneAsync(
            Job.Eq(d => d.Name, job), JobUpdate.Set(d => d.Paused, paused), cancellationToken: cancellationToken)).MatchedCount == 1,
            cancellationToken);

    public Task SetNextFireAsync(string job, DateTimeOffset? nextFireAt, CancellationToken cancellationToken) =>
        context.RunAsync("set_job_next_fire", () => context.Jobs.UpdateOneAsync(
            Job.Eq(d => d.Name, job), JobUpdate.Set(d => d.NextFireAt, Date(nextFireAt)), cancellationToken: cancellationToken),
            cancellationToken);

    public Task<bool> TryRecordAsync(JobRun run, CancellationToken cancellationToken) =>
        context.RunAsync("record_job_run", () => TryInsertAsync(JobRunDocument.From(run), cancellationToken), cancellationToken);

    public Task<RequestRunOutcome> RequestRunAsync(string job, Guid runId, DateTimeOffset now, CancellationToken cancellationToken) =>
        context.RunAsync("request_job_run", async () =>
        {
            var state = await context.Jobs.Find(Job.Eq(d => d.Name, job)).FirstOrDefaultAsync(cancellationToken);
            if (state is null)
            {
                return RequestRunOutcome.UnknownJob;
            }

            if (state is { HolderRunId: not null, LeaseUntil: { } until } && until > MongoMapping.Date(now))
            {
                return RequestRunOutcome.AlreadyRunning;
            }

            // A partial unique index allows one Requested run per job, so of racing requests one gets in; a
            // duplicate (job, fireTime) means an occurrence at that very instant, as good as running. A claim that
            // takes the lease after the check above only makes the requested run Skipped when it is claimed.
            var run = new JobRun(runId, job, now, JobRunTrigger.Manual, JobRunStatus.Requested);
            return await TryInsertAsync(JobRunDocument.From(run), cancellationToken) ? RequestRunOutcome.Requested : RequestRunOutcome.AlreadyRunning;
        }, cancellationToken);

    private async Task<bool> TryInsertAsync(JobRunDocument run, CancellationToken cancellationToken)
    {
        try
        {
            await context.JobRuns.InsertOneAsync(run, cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException exception) when (exception.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            return false;
        }
    }

    private static DateTime? Date(DateTimeOffset? value) => value is { } instant ? MongoMapping.Date(instant) : null;
}
