using Microsoft.Extensions.Logging;

namespace Backend.Fulfilment.FailedMessages;

internal static partial class Log
{
    [LoggerMessage(EventId = 1600, EventName = "FailedMessageStored", Level = LogLevel.Warning,
        Message = "Failed message {RecordId} from {Queue} stored: {MessageType}, fingerprint {Fingerprint}")]
    public static partial void FailedMessageStored(ILogger logger, Guid recordId, string queue, string messageType, string fingerprint);

    [LoggerMessage(EventId = 1601, EventName = "FailedMessageAlreadyStored", Level = LogLevel.Information,
        Message = "Failed message {RecordId} from {Queue} was stored before (a redelivery); acknowledged")]
    public static partial void FailedMessageAlreadyStored(ILogger logger, Guid recordId, string queue);

    [LoggerMessage(EventId = 1602, EventName = "FailedMessageFailedAgain", Level = LogLevel.Warning,
        Message = "Re-driven message {RecordId} from {Queue} failed again (replay {ReplayCount})")]
    public static partial void FailedMessageFailedAgain(ILogger logger, Guid recordId, string queue, int replayCount);

    [LoggerMessage(EventId = 1603, EventName = "FailedMessageNotStored", Level = LogLevel.Error,
        Message = "Failed message {RecordId} from {FailureQueue} could not be stored; it stays in its queue")]
    public static partial void FailedMessageNotStored(ILogger logger, Exception exception, Guid recordId, string failureQueue);
}
