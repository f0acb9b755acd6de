namespace Backend.Domain.FailedMessages;

/// <summary>Filter and page for listing failed messages; newest failure first, ties broken by id.</summary>
public sealed record FailedMessageQuery(
    string? Queue = null,
    string? MessageType = null,
    string? Fingerprint = null,
    FailedMessageStatus? Status = null,
    FailedMessageKind? Kind = null,
    int Page = 1,
    int PageSize = 20);

public sealed record FailedMessagePage(IReadOnlyList<FailedMessage> Items, int Page, int PageSize, long TotalCount);

/// <summary>Every record with one fingerprint (and status), as one line.</summary>
public sealed record FailedMessageGroup(
    string Fingerprint,
    string MessageType,
    string ExceptionType,
    string Reason,
    long Count,
    DateTimeOffset FirstFailedAt,
    DateTimeOffset LastFailedAt);

/// <summary>A re-driven message that failed again: what its record takes from the new failure.</summary>
public sealed record FailedMessageRefailure(
    Guid Id,
    int ReplayCount,
    DateTimeOffset FailedAt,
    int Attempts,
    string Reason,
    string ExceptionType,
    string? StackTrace,
    string ReasonPattern,
    string Fingerprint);

/// <summary>
/// The failed messages taken from the error queues. Every write is one atomic, conditional statement, so
/// ingestion (any number of workers, redeliveries included) and operators never undo each other.
/// </summary>
public interface IFailedMessageStore
{
    /// <summary>Stores the record unless one with its id exists; false when it did (the same failure taken twice).</summary>
    Task<bool> TryAddAsync(FailedMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Takes a re-driven message's new failure into its record: Failed again, replay count and last failure time
    /// from the failure, attempts added. Applies once per replay: the same failure taken twice, or one older than
    /// the record, changes nothing. False when no record has that id.
    /// </summary>
    Task<bool> RecordRefailureAsync(FailedMessageRefailure refailure, CancellationToken cancellationToken);

    Task<FailedMessage?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<FailedMessagePage> ListAsync(FailedMessageQuery query, CancellationToken cancellationToken);

    /// <summary>The records in <paramref name="status"/> grouped by fingerprint, the largest group first.</summary>
    Task<IReadOnlyList<FailedMessageGroup>> ListGroupsAsync(FailedMessageStatus status, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> Failed records of a group, oldest failure first.</summary>
    Task<IReadOnlyList<FailedMessage>> FindFailedInGroupAsync(string fingerprint, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Marks a Failed record Redelivered with <paramref name="replayCount"/>, unless its status changed or a newer
    /// failure of that replay was taken in meanwhile; false then.
    /// </summary>
    Task<bool> MarkRedeliveredAsync(Guid id, int replayCount, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Marks a Failed record Discarded; false when it is not Failed (or not there).</summary>
    Task<bool> DiscardAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Removes the records discarded before <paramref name="cutoff"/>; returns how many. For the retention job.</summary>
    Task<int> RemoveDiscardedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
