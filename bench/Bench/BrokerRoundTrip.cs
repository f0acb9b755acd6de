using System.Collections.Concurrent;
using System.Diagnostics;

using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Backend.Bench;

/// <summary>
/// The transport's ceiling: persistent messages published with confirms to one durable queue and consumed with
/// manual acks on another connection, <c>window</c> round trips in flight; each publisher waits for its message
/// to arrive before it sends the next.
/// </summary>
internal static class BrokerRoundTrip
{
    private const string Queue = "bench-round-trip";

    public static async Task<BrokerFigures> RunAsync(int port, int window, TimeSpan warmup, TimeSpan measure, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { HostName = "127.0.0.1", Port = port };
        await using var publishing = await factory.CreateConnectionAsync("bench-publisher", cancellationToken);
        await using var consuming = await factory.CreateConnectionAsync("bench-consumer", cancellationToken);
        var channels = new List<IChannel>();
        for (var index = 0; index < 4; index++)
        {
            channels.Add(await publishing.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
                cancellationToken));
        }

        await using var consumer = await consuming.CreateChannelAsync(cancellationToken: cancellationToken);
        await consumer.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await consumer.QueuePurgeAsync(Queue, cancellationToken);
        await consumer.BasicQosAsync(0, (ushort)Math.Min(window * 2, ushort.MaxValue), false, cancellationToken);

        var waiting = new ConcurrentDictionary<long, TaskCompletionSource>();
        var receiver = new AsyncEventingBasicConsumer(consumer);
        receiver.ReceivedAsync += async (_, delivery) =>
        {
            if (waiting.TryRemove(BitConverter.ToInt64(delivery.Body.Span), out var arrived))
            {
                arrived.TrySetResult();
            }

            await consumer.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
        };
        await consumer.BasicConsumeAsync(Queue, autoAck: false, receiver, cancellationToken);

        var properties = new BasicProperties { Persistent = true };
        var next = 0L;
        var measureFrom = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var measureTo = measureFrom + (long)(measure.TotalSeconds * Stopwatch.Frequency);
        var counts = new long[window];
        await Task.WhenAll(Enumerable.Range(0, window).Select(async slot =>
        {
            var channel = channels[slot % channels.Count];
            while (Stopwatch.GetTimestamp() < measureTo && !cancellationToken.IsCancellationRequested)
            {
                var id = Interlocked.Increment(ref next);
                var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                waiting[id] = arrived;
                await channel.BasicPublishAsync("", Queue, mandatory: false, properties, BitConverter.GetBytes(id), cancellationToken);
                await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
                var now = Stopwatch.GetTimestamp();
                if (now >= measureFrom && now < measureTo)
                {
                    counts[slot]++;
                }
            }
        }));

        foreach (var channel in channels)
        {
            await channel.DisposeAsync();
        }

        var total = counts.Sum();
        return new BrokerFigures(window, measure.TotalSeconds, total, total / measure.TotalSeconds);
    }
}

internal sealed record BrokerFigures(int Window, double Seconds, long RoundTrips, double PerSecond);
