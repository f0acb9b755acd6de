using System.Diagnostics.Metrics;

using Backend.Domain.FailedMessages;

namespace Backend.Fulfilment.FailedMessages;

/// <summary>Failed messages taken from the error queues, by queue and fingerprint.</summary>
public sealed class FailedMessageMetrics
{
    public const string MeterName = "Backend.FailedMessages";

    private readonly Counter<long> _ingested;

    public FailedMessageMetrics(IMeterFactory meterFactory) =>
        _ingested = meterFactory.Create(MeterName).CreateCounter<long>(
            "backend.failed_messages.ingested", description: "Messages taken from an error or skipped queue into the store, re-failures included.");

    public void Ingested(FailedMessage message) => _ingested.Add(
        1,
        new KeyValuePair<string, object?>("queue", message.Queue),
        new KeyValuePair<string, object?>("kind", message.Kind.ToString()),
        new KeyValuePair<string, object?>("fingerprint", message.Fingerprint),
        new KeyValuePair<string, object?>("message_type", message.MessageType));
}
