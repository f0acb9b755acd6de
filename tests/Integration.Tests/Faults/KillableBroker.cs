using System.Diagnostics;
using System.Globalization;

using Backend.Integration.Tests.Infrastructure;

using RabbitMQ.Client;

namespace Backend.Integration.Tests.Faults;

/// <summary>
/// A RabbitMQ node of one fault test class alone, which the test may kill with SIGKILL and start again on the
/// same port and data directory. The assembly's shared broker is never killed: other tests depend on it. It
/// must be a local <c>rabbitmq-server</c>, since neither <c>RABBITMQ_URL</c> nor a container can be killed here.
/// </summary>
public sealed class KillableBroker : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static int nodesStarted;

    private LocalRabbitMqNode? node;
    private string? unavailableReason = "The killable broker was not initialized.";

    public int Port => Node.Port;

    /// <summary>Runs <c>rabbitmqctl</c> against the node (importing definitions, say).</summary>
    public Task<string> ControlAsync(CancellationToken cancellationToken, params string[] arguments) => Node.ControlAsync(cancellationToken, arguments);

    public Uri AmqpUri => new($"amqp://guest:guest@127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    public int Kills { get; private set; }

    private LocalRabbitMqNode Node => node ?? throw new InvalidOperationException(unavailableReason);

    public void SkipIfUnavailable()
    {
        if (unavailableReason is null)
        {
            return;
        }

        // CI installs rabbitmq-server, so a missing broker there is a broken install step, not a reason to skip.
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(unavailableReason);
        }

        Assert.Skip(unavailableReason);
    }

    /// <summary>The broker settings of a host process, as environment variables.</summary>
    public IReadOnlyDictionary<string, string> HostEnvironment() => new Dictionary<string, string>
    {
        ["Messaging__Transport"] = "RabbitMq",
        ["RabbitMq__Host"] = "127.0.0.1",
        ["RabbitMq__Port"] = Port.ToString(CultureInfo.InvariantCulture),
        ["RabbitMq__VirtualHost"] = "/",
        // guest/guest is RabbitMQ's built-in user, allowed only over loopback, which is all this node listens on.
        ["RabbitMq__Username"] = "guest",
        ["RabbitMq__Password"] = "guest",
    };

    public async ValueTask InitializeAsync()
    {
        var serverScript = LocalRabbitMqNode.FindServerScript();
        if (serverScript is null)
        {
            unavailableReason = "Fault tests kill and restart their own broker: install rabbitmq-server (no rabbitmq-server in /usr/lib/rabbitmq/bin, PATH or /usr/sbin).";
            return;
        }

        // Every node registers its name with the machine's one epmd, so each gets a name of its own.
        node = LocalRabbitMqNode.Start(serverScript, $"faults{Interlocked.Increment(ref nodesStarted)}");
        var failure = await WaitForConnectionAsync(TestContext.Current.CancellationToken);
        if (failure is not null)
        {
            unavailableReason = $"local node {node.NodeName} did not start: {failure}{Environment.NewLine}{node.LogTail()}";
            await node.DisposeAsync();
            node = null;
            return;
        }

        unavailableReason = null;
    }

    /// <summary>SIGKILLs the node's process group; the node's data stays for <see cref="RestartAsync"/>.</summary>
    public async Task KillAsync()
    {
        await Node.KillAsync();
        Kills++;
    }

    /// <summary>Starts the killed node again and waits until it accepts connections.</summary>
    public async Task<TimeSpan> RestartAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        Node.Restart();
        if (await WaitForConnectionAsync(cancellationToken) is { } failure)
        {
            throw new InvalidOperationException($"Node {Node.NodeName} did not come back: {failure}{Environment.NewLine}{Node.LogTail()}");
        }

        return started.Elapsed;
    }

    public Task<IReadOnlyDictionary<string, long>> QueueDepthsAsync(CancellationToken cancellationToken) =>
        Node.QueueDepthsAsync(cancellationToken);

    /// <summary>
    /// Waits until <paramref name="queue"/> holds a message ready for delivery (one a killed consumer never
    /// acknowledged comes back once the broker sees the connection drop), then purges the queue; returns how many
    /// messages went, none when nothing came within <paramref name="timeout"/>.
    /// </summary>
    public async Task<uint> PurgeWhenReadyAsync(string queue, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = AmqpUri };
        await using var connection = await factory.CreateConnectionAsync("fault-test-purge", cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var waited = Stopwatch.StartNew();
        while ((await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount == 0 && waited.Elapsed < timeout)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        return await channel.QueuePurgeAsync(queue, cancellationToken);
    }

    public string LogTail(int lines = 20) => node?.LogTail(lines) ?? "(no node)";

    public async ValueTask DisposeAsync()
    {
        if (node is not null)
        {
            await node.DisposeAsync();
            node = null;
        }
    }

    private Task<string?> WaitForConnectionAsync(CancellationToken cancellationToken) =>
        BrokerConnection.WaitAsync(AmqpUri, StartTimeout, () => Node.HasExited ? "rabbitmq-server exited" : null, cancellationToken);
}
