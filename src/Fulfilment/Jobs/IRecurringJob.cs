using Backend.Domain.Jobs;

namespace Backend.Fulfilment.Jobs;

/// <summary>The occurrence a job runs for: its fire time is the scheduled one, or when an operator asked.</summary>
public sealed record JobOccurrence(Guid RunId, string Job, DateTimeOffset FireTime, JobRunTrigger Trigger);

/// <summary>
/// A recurring job: finds due work and publishes commands or calls the code the consumers use. The scheduler claims
/// the occurrence before and records the outcome after; the job returns a one-line summary for the history.
/// </summary>
public interface IRecurringJob
{
    Task<string> RunAsync(JobOccurrence occurrence, CancellationToken cancellationToken);
}
