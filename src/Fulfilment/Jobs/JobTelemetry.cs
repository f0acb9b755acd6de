using System.Diagnostics;
using System.Diagnostics.Metrics;

using Backend.Domain.Jobs;

namespace Backend.Fulfilment.Jobs;

/// <summary>Each job run is its own trace, so an operator sees what a run re-sent.</summary>
public static class JobTelemetry
{
    public const string ActivitySourceName = "Backend.Jobs";

    public static ActivitySource Source { get; } = new(ActivitySourceName);
}

/// <summary>Runs by job and outcome, so an alert can fire on failed, interrupted or missed runs.</summary>
public sealed class JobMetrics
{
    public const string MeterName = "Backend.Jobs";

    private readonly Counter<long> _runs;
    private readonly Histogram<double> _duration;

    public JobMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _runs = meter.CreateCounter<long>("backend.jobs.runs", description: "Job occurrences recorded, by job and outcome.");
        _duration = meter.CreateHistogram<double>("backend.jobs.run.duration", unit: "s", description: "How long job runs took.");
    }

    public void Recorded(string job, JobRunStatus outcome, int count = 1) =>
        _runs.Add(count, new KeyValuePair<string, object?>("job", job), new KeyValuePair<string, object?>("outcome", outcome.ToString()));

    public void Ran(string job, JobRunStatus outcome, TimeSpan duration)
    {
        Recorded(job, outcome);
        _duration.Record(
            duration.TotalSeconds, new KeyValuePair<string, object?>("job", job), new KeyValuePair<string, object?>("outcome", outcome.ToString()));
    }
}
