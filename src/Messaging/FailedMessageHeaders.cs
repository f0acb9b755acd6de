namespace Backend.Messaging;

/// <summary>Headers a re-driven message carries, so a new failure of it finds its record.</summary>
public static class FailedMessageHeaders
{
    /// <summary>The id of the failed-message record the message was re-driven from.</summary>
    public const string RecordId = "Backend-FailedMessage-Id";

    /// <summary>How often the message was re-driven, this time included.</summary>
    public const string ReplayCount = "Backend-Replay-Count";

    /// <summary>Where MassTransit moves a message no consumer on its queue took.</summary>
    public const string SkippedSuffix = "_skipped";

    public const string ErrorSuffix = "_error";
}
