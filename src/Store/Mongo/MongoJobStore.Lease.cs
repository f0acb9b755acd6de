using Backend.Domain.Jobs;

using MongoDB.Driver;

namespace Backend.Store.Mongo;

/// <summary>Claims, renewals and completions: the lease and its fencing token.</summary>
internal sealed partial class MongoJobStore
{
    public Task<ClaimResult> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken) =>
        context.RunAsync("claim_job", async () =>
        {
            var job = await context.Jobs.Find(Job.Eq(d => d.Name, request.Job)).FirstOrDefaultAsync(cancellationToken);
            if (job is null)
            {
                return new ClaimResult(ClaimStatus.UnknownJob);
            }

            if (request.Trigger != JobRunTrigger.Manual && job.Paused)
            {
                return new ClaimResult(ClaimStatus.Paused);
            }

            if (!await TakeUpAsync(request, cancellationToken))
            {
                return new ClaimResult(ClaimStatus.TakenElsewhere);
            }

            var now = MongoMapping.Date(request.Now);
            var free = Job.Eq(d => d.Name, request.Job) & (Job.Eq(d => d.HolderRunId, null) | Job.Lte(d => d.LeaseUntil, now));
            var take = JobUpdate
                .Set(d => d.HolderRunId, request.RunId)
                .Set(d => d.LeaseUntil, MongoMapping.Date(request.LeaseUntil))
                .Inc(d => d.Token, 1L);
            var before = new FindOneAndUpdateOptions<JobDocument> { ReturnDocument = ReturnDocument.Before };
            while (true)
            {
                if (await context.Jobs.FindOneAndUpdateAsync(free, take, before, cancellationToken) is { } previous)
                {
                    await InterruptOthersAsync(request, now, cancellationToken);
                    return new ClaimResult(ClaimStatus.Claimed, new JobLease(request.Job, request.RunId, previous.Token + 1), previous.HolderRunId);
                }

                // The lease was live when the update looked; read who holds it, unless it went free meanwhile.
                var current = await context.Jobs.Find(Job.Eq(d => d.Name, request.Job)).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new InvalidOperationException($"Job {request.Job} went while it was claimed; jobs are never removed.");
                if (current is { HolderRunId: { } holder, LeaseUntil: { } until } && until > now)
                {
                    // By id alone: a claim that took the lease meanwhile may have marked this run Interrupted first
                    // (with the error that goes with it); it never ran, so Skipped is what it was.
                    await context.JobRuns.UpdateOneAsync(
                        Run.Eq(d => d.Id, request.RunId),
                        RunUpdate.Set(d => d.Status, JobRunStatus.Skipped).Set(d => d.FinishedAt, now)
                            .Set(d => d.Summary, JobRunTexts.Skipped(holder)).Unset(d => d.Error),
                        cancellationToken: cancellationToken);
                    return new ClaimResult(ClaimStatus.Overlapped);
                }
            }
        }, cancellationToken);

    public Task<bool> RenewAsync(JobLease lease, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        context.RunAsync("renew_job_lease", async () => (await context.Jobs.UpdateOneAsync(
            Fence(lease), JobUpdate.Set(d => d.LeaseUntil, MongoMapping.Date(leaseUntil)), cancellationToken: cancellationToken)).MatchedCount == 1,
            cancellationToken);

    public Task<bool> CompleteAsync(
        JobLease lease, JobRunStatus status, DateTimeOffset finishedAt, string? summary, string? error, CancellationToken cancellationToken)
    {
        if (status is JobRunStatus.Requested or JobRunStatus.Running)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A run completes with a final status.");
        }

        return context.RunAsync("complete_job_run", async () =>
        {
            // The lease goes first, fenced, and the token counter stays. A crash before the outcome below leaves the
            // run Running with no holder: the job's next successful claim marks it Interrupted. An outcome written
            // after such a claim interrupted it still lands, as the run did finish.
            var released = await context.Jobs.UpdateOneAsync(
                Fence(lease), JobUpdate.Unset(d => d.HolderRunId).Unset(d => d.LeaseUntil), cancellationToken: cancellationToken);
            if (released.MatchedCount == 0)
            {
                return false;
            }

            await context.JobRuns.UpdateOneAsync(
                Run.Eq(d => d.Id, lease.RunId),
                RunUpdate.Set(d => d.Status, status).Set(d => d.FinishedAt, MongoMapping.Date(finishedAt))
                    .Set(d => d.Summary, summary).Set(d => d.Error, error),
                cancellationToken: cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>Adds the scheduled occurrence, or moves the requested run to running; false when another claim did first.</summary>
    private async Task<bool> TakeUpAsync(ClaimRequest request, CancellationToken cancellationToken)
    {
        if (request.Trigger != JobRunTrigger.Manual)
        {
            return await TryInsertAsync(JobRunDocument.From(new JobRun(
                request.RunId, request.Job, request.FireTime, request.Trigger, JobRunStatus.Running, request.Instance, request.Now,
                TraceId: request.TraceId)), cancellationToken);
        }

        var taken = await context.JobRuns.UpdateOneAsync(
            Run.Eq(d => d.Id, request.RunId) & Run.Eq(d => d.Job, request.Job) & Run.Eq(d => d.Status, JobRunStatus.Requested),
            RunUpdate.Set(d => d.Status, JobRunStatus.Running).Set(d => d.Instance, request.Instance)
                .Set(d => d.StartedAt, MongoMapping.Date(request.Now)).Set(d => d.TraceId, request.TraceId),
            cancellationToken: cancellationToken);
        return taken.ModifiedCount == 1;
    }

    /// <summary>The expired holder, and any run a crash left running without the lease, stopped for good.</summary>
    private Task InterruptOthersAsync(ClaimRequest request, DateTime now, CancellationToken cancellationToken) =>
        context.JobRuns.UpdateManyAsync(
            Run.Eq(d => d.Job, request.Job) & Run.Eq(d => d.Status, JobRunStatus.Running) & Run.Ne(d => d.Id, request.RunId),
            RunUpdate.Set(d => d.Status, JobRunStatus.Interrupted).Set(d => d.FinishedAt, now).Set(d => d.Error, JobRunTexts.LeaseExpired),
            cancellationToken: cancellationToken);

    private static FilterDefinition<JobDocument> Fence(JobLease lease) =>
        Job.Eq(d => d.Name, lease.Job) & Job.Eq(d => d.Token, lease.Token) & Job.Eq(d => d.HolderRunId, lease.RunId);
}
