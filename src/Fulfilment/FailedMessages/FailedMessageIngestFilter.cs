using System.Globalization;
using System.Text;

using Backend.Domain.FailedMessages;
using Backend.Fulfilment.Orders;

using MassTransit;

using Microsoft.Extensions.Logging;

namespace Backend.Fulfilment.FailedMessages;

/// <summary>
/// Takes every message of one error (or skipped) queue into the store, and only then lets MassTransit acknowledge
/// it: a crash in between leaves the message in the queue, and its redelivery finds the record it made.
/// </summary>
public sealed class FailedMessageIngestFilter(
    string failureQueue, IFailedMessageStore store, TimeProvider clock, FailedMessageMetrics metrics, FaultHooks faults,
    ILogger<FailedMessageIngestFilter> logger) : IFilter<ReceiveContext>
{
    private static readonly TimeSpan[] StoreRetries = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15)];

    public async Task Send(ReceiveContext context, IPipe<ReceiveContext> next)
    {
        var delivery = FailedDelivery.Read(
            failureQueue, context.Body.GetBytes(), context.ContentType?.ToString(), HeadersOf(context), clock.GetUtcNow());
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await StoreAsync(delivery, context.CancellationToken);
                break;
            }
            catch (Exception exception) when (attempt < StoreRetries.Length && !context.CancellationToken.IsCancellationRequested)
            {
                // Thrown on, the message would go back to its queue at once and come straight back: wait a little first.
                Log.FailedMessageNotStored(logger, exception, delivery.Record.Id, failureQueue);
                await Task.Delay(StoreRetries[attempt], clock, context.CancellationToken);
            }
        }

        faults.AfterFailedMessageStored(delivery.Record.Id);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("failedMessageIngest").Add("queue", failureQueue);

    private async Task StoreAsync(FailedDelivery delivery, CancellationToken cancellationToken)
    {
        var record = delivery.Record;
        if (delivery.Refailure is { } refailure && await store.RecordRefailureAsync(refailure, cancellationToken))
        {
            Log.FailedMessageFailedAgain(logger, record.Id, record.Queue, refailure.ReplayCount);
            metrics.Ingested(record);
            return;
        }

        if (await store.TryAddAsync(record, cancellationToken))
        {
            Log.FailedMessageStored(logger, record.Id, record.Queue, record.MessageType, record.Fingerprint);
            metrics.Ingested(record);
        }
        else
        {
            Log.FailedMessageAlreadyStored(logger, record.Id, record.Queue);
        }
    }

    /// <summary>The transport's headers as text: AMQP header values may be bytes, numbers or timestamps.</summary>
    private static Dictionary<string, string> HeadersOf(ReceiveContext context)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in context.TransportHeaders.GetAll())
        {
            // The RabbitMQ-* entries describe this delivery (consumer and delivery tags), not the message: a
            // redelivery would otherwise look like another failure.
            if (value is null || name.StartsWith("RabbitMQ-", StringComparison.Ordinal))
            {
                continue;
            }

            headers[name] = value switch
            {
                string text => text,
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                DateTime instant => instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                DateTimeOffset instant => instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "",
            };
        }

        return headers;
    }
}
