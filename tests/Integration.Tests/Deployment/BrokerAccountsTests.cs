using Backend.Integration.Tests.Faults;

using RabbitMQ.Client;

namespace Backend.Integration.Tests.Deployment;

/// <summary>
/// The compose file's broker accounts on a real RabbitMQ: the definitions file is imported into a node of the test's
/// own, with passwords filled in as the broker's entrypoint fills them, and each role tries what it may and may not do.
/// </summary>
public sealed class BrokerAccountsTests(KillableBroker broker) : IClassFixture<KillableBroker>
{
    private static readonly Dictionary<string, string> Passwords = new()
    {
        ["admin"] = "admin-password-0123456789",
        ["ingress"] = "ingress-password-0123456789",
        ["workers"] = "workers-password-0123456789",
        ["partner"] = "partner-password-0123456789",
    };

    [Fact]
    public async Task Each_role_is_allowed_what_the_definitions_grant_and_refused_the_rest()
    {
        broker.SkipIfUnavailable();
        var cancellationToken = TestContext.Current.CancellationToken;
        await ImportDefinitionsAsync(cancellationToken);

        // What the workers declare on start: a command's exchange, its queue's exchange and queue, its error queue.
        await using (var session = await SessionAsync("admin", cancellationToken))
        {
            var admin = session.Channel;
            await admin.ExchangeDeclareAsync("backend.submit-order", ExchangeType.Fanout, durable: true, cancellationToken: cancellationToken);
            foreach (var queue in new[] { "submit-order", "submit-order_error", "upsert-product" })
            {
                await admin.ExchangeDeclareAsync(queue, ExchangeType.Fanout, durable: true, cancellationToken: cancellationToken);
                await admin.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
                await admin.QueueBindAsync(queue, queue, "", cancellationToken: cancellationToken);
            }
        }

        (await TryAsync("ingress", channel => PublishAsync(channel, "backend.submit-order"))).ShouldBeTrue();
        (await TryAsync("ingress", channel => PublishAsync(channel, "submit-order"))).ShouldBeTrue("the re-drive of a failed order");
        (await TryAsync("ingress", channel => channel.BasicGetAsync("submit-order_error", autoAck: false))).ShouldBeFalse();
        (await TryAsync("ingress", channel => channel.BasicGetAsync("submit-order", autoAck: false))).ShouldBeFalse();

        (await TryAsync("workers", channel => channel.BasicGetAsync("submit-order", autoAck: false))).ShouldBeTrue();
        (await TryAsync("workers", channel => channel.BasicGetAsync("submit-order_error", autoAck: false))).ShouldBeTrue();

        (await TryAsync("partner", channel => PublishAsync(channel, "upsert-product"))).ShouldBeTrue();
        (await TryAsync("partner", channel => PublishAsync(channel, "submit-order"))).ShouldBeFalse("orders stay closed to partners by default");
        (await TryAsync("partner", channel => PublishAsync(channel, "backend.submit-order"))).ShouldBeFalse();
        (await TryAsync("partner", channel => channel.BasicGetAsync("submit-order_error", autoAck: false))).ShouldBeFalse("error queues hold payment tokens");
        (await TryAsync("partner", channel => channel.QueueDeclareAsync("partner-queue", durable: false, exclusive: true, autoDelete: true))).ShouldBeFalse();
    }

    private async Task ImportDefinitionsAsync(CancellationToken cancellationToken)
    {
        var definitions = File.ReadAllText(RepositoryFiles.PathOf("deploy/rabbitmq/definitions.json"));
        foreach (var (user, password) in Passwords)
        {
            definitions = definitions.Replace($"${{RABBITMQ_{user.ToUpperInvariant()}_PASSWORD}}", password, StringComparison.Ordinal);
        }

        var file = Path.Combine(Path.GetTempPath(), $"definitions-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, definitions, cancellationToken);
        try
        {
            await broker.ControlAsync(cancellationToken, "import_definitions", file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>True when the operation went through; false when the broker refused it (403, which closes the channel).</summary>
    private async Task<bool> TryAsync(string user, Func<IChannel, Task> operation)
    {
        await using var session = await SessionAsync(user, TestContext.Current.CancellationToken);
        var channel = session.Channel;
        try
        {
            await operation(channel);
            return true;
        }
        catch (Exception exception) when (exception is RabbitMQ.Client.Exceptions.OperationInterruptedException or RabbitMQ.Client.Exceptions.AlreadyClosedException or RabbitMQ.Client.Exceptions.PublishException)
        {
            (channel.CloseReason?.ReplyCode ?? 0).ShouldBe((ushort)403, exception.Message);
            return false;
        }
    }

    private static async Task PublishAsync(IChannel channel, string exchange) =>
        await channel.BasicPublishAsync(exchange, "", mandatory: false, new BasicProperties { Persistent = true }, "{}"u8.ToArray());

    private async Task<Session> SessionAsync(string user, CancellationToken cancellationToken)
    {
        var connection = await new ConnectionFactory
        {
            HostName = "127.0.0.1",
            Port = broker.Port,
            VirtualHost = "backend",
            UserName = user,
            Password = Passwords[user],
        }.CreateConnectionAsync(cancellationToken);
        // Confirms, so a refused publish fails here rather than after the test has moved on.
        var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        return new Session(connection, channel);
    }

    private sealed class Session(IConnection connection, IChannel channel) : IAsyncDisposable
    {
        public IChannel Channel => channel;

        public async ValueTask DisposeAsync()
        {
            await channel.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
