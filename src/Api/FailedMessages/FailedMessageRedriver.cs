using Backend.Domain.FailedMessages;
using Backend.Messaging;

using Microsoft.Extensions.Logging;

namespace Backend.Api.FailedMessages;

/// <summary>
/// Sends failed messages back to their queues: the body and headers as received, without the failure's headers,
/// with the record's id and the replay count. A record is marked Redelivered only after the broker confirmed it.
/// </summary>
public sealed class FailedMessageRedriver(
    IFailedMessageStore store, RawMessageSender sender, TimeProvider clock, FailedMessageApiMetrics metrics,
    ILogger<FailedMessageRedriver> logger)
{
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Re-drives one Failed record; throws when the broker did not confirm in time, leaving the record as it was.</summary>
    public async Task RedeliverAsync(FailedMessage message, CancellationToken cancellationToken)
    {
        var replayCount = message.ReplayCount + 1;
        var headers = message.Headers
            .Where(header => !IsFailureOrTransportHeader(header.Key))
            .ToDictionary(header => header.Key, header => header.Value);
        headers[FailedMessageHeaders.RecordId] = message.Id.ToString();
        headers[FailedMessageHeaders.ReplayCount] = replayCount.ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(SendTimeout);
        var link = new Dictionary<string, string>
        {
            [FailedMessageHeaders.RecordId] = headers[FailedMessageHeaders.RecordId],
            [FailedMessageHeaders.ReplayCount] = headers[FailedMessageHeaders.ReplayCount],
        };
        await sender.SendAsync(
            message.Queue, EnvelopeHeaders.With(message.Body, link), message.ContentType, headers,
            Guid.TryParse(message.MessageId, out var messageId) ? messageId : null, timeout.Token);

        // False here means the copy failed again, and was taken in, before this line: its record is Failed already.
        await store.MarkRedeliveredAsync(message.Id, replayCount, clock.GetUtcNow(), CancellationToken.None);
        metrics.Redriven(message);
        Log.Redelivered(logger, message.Id, message.Queue, replayCount);
    }

    /// <summary>
    /// Re-drives up to <paramref name="limit"/> Failed records of a group, read once at the start (so failures that
    /// arrive meanwhile are left for the next run), at most <paramref name="ratePerSecond"/> a second. Stops at the
    /// first send the broker did not confirm: the records after it stay Failed.
    /// </summary>
    public async Task<GroupRedriveOutcome> RedeliverGroupAsync(
        string fingerprint, int limit, double ratePerSecond, CancellationToken cancellationToken)
    {
        var matched = await store.FindFailedInGroupAsync(fingerprint, limit, cancellationToken);
        var interval = TimeSpan.FromSeconds(1 / ratePerSecond);
        var start = clock.GetTimestamp();
        var moved = 0;
        foreach (var message in matched)
        {
            var due = interval * moved - clock.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, clock, cancellationToken);
            }

            try
            {
                await RedeliverAsync(message, cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                Log.GroupRedriveStopped(logger, exception, fingerprint, moved, matched.Count);
                return new GroupRedriveOutcome(matched.Count, moved, Failed: true);
            }

            moved++;
        }

        return new GroupRedriveOutcome(matched.Count, moved, Failed: false);
    }

    public async Task<bool> DiscardAsync(FailedMessage message, CancellationToken cancellationToken)
    {
        if (!await store.DiscardAsync(message.Id, clock.GetUtcNow(), cancellationToken))
        {
            return false;
        }

        metrics.Discarded(message);
        Log.Discarded(logger, message.Id, message.Queue);
        return true;
    }

    // MassTransit sets the message id and content type of what it sends itself.
    private static bool IsFailureOrTransportHeader(string name) =>
        name.StartsWith("MT-Fault-", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("MT-Host-", StringComparison.OrdinalIgnoreCase)
        || name.Equals("MT-Reason", StringComparison.OrdinalIgnoreCase)
        || name.Equals("MessageId", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)
        || name.Equals(FailedMessageHeaders.RecordId, StringComparison.OrdinalIgnoreCase)
        || name.Equals(FailedMessageHeaders.ReplayCount, StringComparison.OrdinalIgnoreCase);
}

public sealed record GroupRedriveOutcome(int Matched, int Moved, bool Failed);
