using System.ComponentModel.DataAnnotations;

namespace Backend.Fulfilment.FailedMessages;

/// <summary>Section <c>FailedMessages</c>.</summary>
public sealed class FailedMessagesOptions
{
    public const string SectionName = "FailedMessages";

    /// <summary>
    /// Whether the workers take the error and skipped queues into the store. Off leaves failed messages in those
    /// queues, as MassTransit alone would.
    /// </summary>
    public bool Ingest { get; set; } = true;

    /// <summary>How long a discarded record is kept before the retention job removes it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan DiscardedRetention { get; set; } = TimeSpan.FromDays(7);
}
