using Backend.Integration.Tests.Infrastructure;

using RabbitMQ.Client;

namespace Backend.Bench;

/// <summary>A throw-away RabbitMQ node of the benchmark's own, on free ports, started as the integration tests start theirs.</summary>
internal sealed class BrokerNode : IAsyncDisposable
{
    private readonly LocalRabbitMqNode node;

    private BrokerNode(LocalRabbitMqNode node) => this.node = node;

    public int Port => node.Port;

    public static async Task<BrokerNode> StartAsync(CancellationToken cancellationToken)
    {
        var script = LocalRabbitMqNode.FindServerScript()
            ?? throw new InvalidOperationException("rabbitmq-server is not installed (apt-get install rabbitmq-server).");
        var broker = new BrokerNode(LocalRabbitMqNode.Start(script, "bench"));
        var factory = new ConnectionFactory { HostName = "127.0.0.1", Port = broker.Port };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            try
            {
                await using var connection = await factory.CreateConnectionAsync(cancellationToken);
                return broker;
            }
            catch (Exception exception) when (exception is RabbitMQ.Client.Exceptions.BrokerUnreachableException or IOException
                && DateTime.UtcNow < deadline && !broker.node.HasExited)
            {
                await Task.Delay(500, cancellationToken);
            }
        }
    }

    public ValueTask DisposeAsync() => node.DisposeAsync();
}
