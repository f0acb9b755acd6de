using System.Diagnostics;

namespace Backend.Fulfilment.Jobs;

/// <summary>Each job run is its own trace, so an operator sees what a run re-sent.</summary>
public static class JobTelemetry
{
    public const string ActivitySourceName = "Backend.Jobs";

    public static ActivitySource Source { get; } = new(ActivitySourceName);
}
