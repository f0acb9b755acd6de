using Backend.Domain.Jobs;

using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Backend.Store.Mongo;

/// <summary>A job in <c>jobs</c>, keyed by name, with its lease: <see cref="HolderRunId"/> is absent while none runs.</summary>
internal sealed class JobDocument
{
    [BsonId]
    public string Name { get; set; } = "";

    public string Cron { get; set; } = "";

    public bool Enabled { get; set; }

    public bool Paused { get; set; }

    public DateTime? NextFireAt { get; set; }

    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid? HolderRunId { get; set; }

    public DateTime? LeaseUntil { get; set; }

    /// <summary>The fencing token: one more with every claim, never reset.</summary>
    public long Token { get; set; }
}

/// <summary>One occurrence in <c>job_runs</c>; a unique index keeps (job, fireTime) to one document.</summary>
internal sealed class JobRunDocument
{
    [BsonId]
    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid Id { get; set; }

    public string Job { get; set; } = "";

    public DateTime FireTime { get; set; }

    [BsonRepresentation(BsonType.String)]
    public JobRunTrigger Trigger { get; set; }

    [BsonRepresentation(BsonType.String)]
    public JobRunStatus Status { get; set; }

    public string? Instance { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public string? Summary { get; set; }

    public string? TraceId { get; set; }

    public string? Error { get; set; }

    public static JobRunDocument From(JobRun run) => new()
    {
        Id = run.Id,
        Job = run.Job,
        FireTime = MongoMapping.Date(run.FireTime),
        Trigger = run.Trigger,
        Status = run.Status,
        Instance = run.Instance,
        StartedAt = run.StartedAt is { } started ? MongoMapping.Date(started) : null,
        FinishedAt = run.FinishedAt is { } finished ? MongoMapping.Date(finished) : null,
        Summary = run.Summary,
        TraceId = run.TraceId,
        Error = run.Error,
    };

    public JobRun ToDomain() => new(
        Id,
        Job,
        MongoMapping.Instant(FireTime),
        Trigger,
        Status,
        Instance,
        StartedAt is { } started ? MongoMapping.Instant(started) : null,
        FinishedAt is { } finished ? MongoMapping.Instant(finished) : null,
        Summary,
        TraceId,
        Error);
}
