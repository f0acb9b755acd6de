using System.Diagnostics.Metrics;

using Backend.Domain.FailedMessages;

namespace Backend.Api.FailedMessages;

/// <summary>What operators did with failed messages: re-driven and discarded, by queue and fingerprint.</summary>
public sealed class FailedMessageApiMetrics
{
    public const string MeterName = "Backend.FailedMessages";

    private readonly Counter<long> _redriven;
    private readonly Counter<long> _discarded;

    public FailedMessageApiMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _redriven = meter.CreateCounter<long>("backend.failed_messages.redriven", description: "Failed messages sent back to their queue, confirmed by the broker.");
        _discarded = meter.CreateCounter<long>("backend.failed_messages.discarded", description: "Failed messages an operator discarded.");
    }

    public void Redriven(FailedMessage message) => _redriven.Add(1, Tags(message));

    public void Discarded(FailedMessage message) => _discarded.Add(1, Tags(message));

    private static KeyValuePair<string, object?>[] Tags(FailedMessage message) =>
    [
        new("queue", message.Queue),
        new("fingerprint", message.Fingerprint),
    ];
}
