using Microsoft.Extensions.Logging;

namespace Backend.Api.FailedMessages;

internal static partial class Log
{
    [LoggerMessage(EventId = 2200, EventName = "FailedMessageRedelivered", Level = LogLevel.Information,
        Message = "Failed message {RecordId} re-driven to {Queue} (replay {ReplayCount})")]
    public static partial void Redelivered(ILogger logger, Guid recordId, string queue, int replayCount);

    [LoggerMessage(EventId = 2201, EventName = "FailedMessageDiscarded", Level = LogLevel.Information,
        Message = "Failed message {RecordId} from {Queue} discarded")]
    public static partial void Discarded(ILogger logger, Guid recordId, string queue);

    [LoggerMessage(EventId = 2202, EventName = "FailedMessageRedriveFailed", Level = LogLevel.Warning,
        Message = "Failed message {RecordId} could not be re-driven; it stays Failed")]
    public static partial void RedriveFailed(ILogger logger, Exception exception, Guid recordId);

    [LoggerMessage(EventId = 2203, EventName = "FailedMessageGroupRedriveStopped", Level = LogLevel.Warning,
        Message = "Re-drive of group {Fingerprint} stopped after {Moved} of {Matched}: the broker did not confirm; the rest stay Failed")]
    public static partial void GroupRedriveStopped(ILogger logger, Exception exception, string fingerprint, int moved, int matched);
}
