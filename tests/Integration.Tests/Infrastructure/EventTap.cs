using Backend.Messaging;

using RabbitMQ.Client;

namespace Backend.Integration.Tests.Infrastructure;

/// <summary>
/// A queue of the test's own bound to one event's exchange, as any subscriber would bind: it counts what the hosts
/// published. Bound before the hosts start, so nothing they publish passes it by.
/// </summary>
public sealed class EventTap : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _queue;

    private EventTap(IConnection connection, IChannel channel, string queue)
    {
        _connection = connection;
        _channel = channel;
        _queue = queue;
    }

    public static async Task<EventTap> BindAsync<TEvent>(Uri amqpUri)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connection = await new ConnectionFactory { Uri = amqpUri }.CreateConnectionAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        // Declared as MassTransit declares a message type's exchange, so the hosts' own declaration agrees with it.
        var exchange = StableEntityNameFormatter.For(typeof(TEvent));
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken)).QueueName;
        await channel.QueueBindAsync(queue, exchange, routingKey: "", cancellationToken: cancellationToken);
        return new EventTap(connection, channel, queue);
    }

    public async Task<uint> CountAsync() =>
        (await _channel.QueueDeclarePassiveAsync(_queue, TestContext.Current.CancellationToken)).MessageCount;

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
