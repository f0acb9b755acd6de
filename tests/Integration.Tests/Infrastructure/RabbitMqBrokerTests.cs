using System.Text;

using RabbitMQ.Client;

namespace Backend.Integration.Tests.Infrastructure;

public sealed class RabbitMqBrokerTests(RabbitMqBroker broker)
{
    [Fact]
    public async Task Broker_accepts_a_connection_when_available()
    {
        broker.SkipIfUnavailable();
        var cancellationToken = TestContext.Current.CancellationToken;
        // Connecting through AmqpUri also proves the URI carries the same facts as the properties.
        var factory = new ConnectionFactory { Uri = broker.AmqpUri };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var queue = await channel.QueueDeclareAsync(
            queue: $"broker-test-{Guid.NewGuid():N}",
            durable: false,
            exclusive: true,
            autoDelete: true,
            cancellationToken: cancellationToken);
        var body = Encoding.UTF8.GetBytes($"ping {Guid.NewGuid()}");

        await channel.BasicPublishAsync(exchange: "", routingKey: queue.QueueName, body: body, cancellationToken: cancellationToken);
        var received = await GetWithinAsync(channel, queue.QueueName, TimeSpan.FromSeconds(5), cancellationToken);

        received.ShouldNotBeNull();
        received.Body.ToArray().ShouldBe(body);
    }

    private static async Task<BasicGetResult?> GetWithinAsync(
        IChannel channel, string queue, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // A publish is asynchronous, so the message may reach the queue a moment after BasicPublishAsync returns.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (!deadline.IsCancellationRequested)
        {
            if (await channel.BasicGetAsync(queue, autoAck: true, cancellationToken) is { } result)
            {
                return result;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }

        return null;
    }
}
