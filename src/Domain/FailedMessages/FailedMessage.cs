namespace Backend.Domain.FailedMessages;

public enum FailedMessageStatus
{
    /// <summary>In the store, waiting for an operator.</summary>
    Failed,
    /// <summary>Sent back to its queue, confirmed by the broker.</summary>
    Redelivered,
    /// <summary>Given up by an operator; kept for the retention period, then removed.</summary>
    Discarded,
}

public enum FailedMessageKind
{
    /// <summary>Taken from an <c>_error</c> queue: a consumer failed for good.</summary>
    Error,
    /// <summary>Taken from a <c>_skipped</c> queue: no consumer on its queue took its type.</summary>
    Skipped,
}

/// <summary>
/// A message taken from an error (or skipped) queue: the body and headers exactly as received, what failed, and
/// where it stands. <see cref="Id"/> is derived from the failure itself, so taking the same one twice (a
/// redelivery after a crash) finds the record it made the first time.
/// </summary>
public sealed record FailedMessage
{
    public required Guid Id { get; init; }

    public required FailedMessageKind Kind { get; init; }

    /// <summary>The queue the message failed on (<c>submit-order</c>), where a re-drive sends it back.</summary>
    public required string Queue { get; init; }

    public required string MessageType { get; init; }

    public string? MessageId { get; init; }

    public string? OrderId { get; init; }

    public string? Sku { get; init; }

    public required byte[] Body { get; init; }

    public string? ContentType { get; init; }

    /// <summary>The message's headers as received (fault headers included), as text.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public required string Reason { get; init; }

    public required string ExceptionType { get; init; }

    /// <summary>The first lines of the fault's stack trace.</summary>
    public string? StackTrace { get; init; }

    /// <summary>The reason with ids and numbers taken out: what every copy of one fault shares.</summary>
    public required string ReasonPattern { get; init; }

    public required string Fingerprint { get; init; }

    public required DateTimeOffset FirstFailedAt { get; init; }

    public required DateTimeOffset LastFailedAt { get; init; }

    /// <summary>Deliveries that failed, over every re-drive.</summary>
    public required int Attempts { get; init; }

    /// <summary>How often an operator re-drove it.</summary>
    public int ReplayCount { get; init; }

    public string? TraceId { get; init; }

    public FailedMessageStatus Status { get; init; } = FailedMessageStatus.Failed;

    /// <summary>When it was last re-driven or discarded.</summary>
    public DateTimeOffset? StatusChangedAt { get; init; }
}
