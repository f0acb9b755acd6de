using System.Text;
using System.Text.Json;

using Backend.Domain.Orders;
using Backend.Integration.Tests.Infrastructure;
using Backend.Messaging;

using RabbitMQ.Client;

namespace Backend.Integration.Tests.Faults;

/// <summary>
/// Other systems resend: every inbound message published again and again, from two connections at once, lands on
/// two competing worker processes at the same moment, and still takes effect once.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class DuplicateDeliveryTests(KillableBroker broker) : IClassFixture<KillableBroker>
{
    private const int CopiesPerConnection = 5;
    private const int Connections = 2;

    private static readonly string[] InboundQueues =
        [QueueNames.SubmitOrder, QueueNames.CancelOrder, QueueNames.UpsertProduct, QueueNames.StockReplenished, QueueNames.ShipmentDispatched];

    [Fact]
    public async Task Every_inbound_message_published_five_times_from_two_connections_takes_effect_once()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var stack = await ProcessStack.StartAsync(broker, workerCount: 2, seed: []);
        await stack.GuardAsync(async () =>
        {
            var factory = new ConnectionFactory { Uri = broker.AmqpUri };
            var connections = new List<IConnection>();
            for (var number = 0; number < Connections; number++)
            {
                connections.Add(await factory.CreateConnectionAsync($"duplicate-publisher-{number}", cancellationToken));
            }

            try
            {
                await RunAsync(stack, connections);
            }
            finally
            {
                foreach (var connection in connections)
                {
                    await connection.DisposeAsync();
                }
            }
        });
    }

    private async Task RunAsync(ProcessStack stack, IReadOnlyList<IConnection> connections)
    {
        var shipped = Guid.CreateVersion7();
        var cancelled = Guid.CreateVersion7();
        var received = new Dictionary<string, int> { ["DUP-A"] = 40, ["DUP-B"] = 30 };
        var expected = new AuditExpectations([shipped, cancelled], received);

        // Each step waits for the last, as a real publisher would order them: an order needs its product and stock.
        await PublishCopiesAsync(connections,
            (QueueNames.UpsertProduct, new { sku = "DUP-A", name = "Duplicate A", unitPrice = 12.50m, reorderPoint = 0 }),
            (QueueNames.UpsertProduct, new { sku = "DUP-B", name = "Duplicate B", unitPrice = 7.25m }));
        await WaitUntilHandledAsync(stack, "both products to exist", snapshot => snapshot.Products.Count == 2);

        await PublishCopiesAsync(connections,
            (QueueNames.StockReplenished, new { sku = "DUP-A", quantity = 40, receiptId = "GRN-DUP-1" }),
            (QueueNames.StockReplenished, new { sku = "DUP-B", quantity = 30, receiptId = "GRN-DUP-2" }));
        await WaitUntilHandledAsync(stack, "the receipts to be counted", snapshot => snapshot.Receipts.Count >= 2);

        await PublishCopiesAsync(connections,
            (QueueNames.SubmitOrder, Order(shipped, [new { sku = "DUP-A", quantity = 3 }, new { sku = "DUP-B", quantity = 2 }])),
            (QueueNames.SubmitOrder, Order(cancelled, [new { sku = "DUP-A", quantity = 5 }])));
        await WaitUntilHandledAsync(stack, "both orders to be Confirmed",
            snapshot => snapshot.Orders.Count(order => order.Status == OrderStatus.Confirmed) == 2);

        await PublishCopiesAsync(connections,
            (QueueNames.ShipmentDispatched, new { orderId = shipped, carrier = "DHL", trackingNumber = "DUP-TRACK-1" }),
            (QueueNames.CancelOrder, new { orderId = cancelled, requestedBy = "duplicate-test" }));
        var snapshot = await WaitUntilHandledAsync(stack, "the shipment and the cancel",
            snapshot => snapshot.Orders.Any(order => order.Id == shipped && order.Status == OrderStatus.Shipped)
                && snapshot.Orders.Any(order => order.Id == cancelled && order.Status == OrderStatus.Cancelled));

        var report = InvariantAudit.Check(snapshot, expected with { Shipped = [shipped] });
        var depths = await broker.QueueDepthsAsync(TestContext.Current.CancellationToken);
        var faulted = InboundQueues.Sum(queue => depths.GetValueOrDefault(QueueNames.ErrorQueue(queue)));
        var deliveries = CopiesPerConnection * Connections;
        FaultChecks.Report(
            $"duplicates: 8 messages over {InboundQueues.Length} queues, each published {deliveries} times " +
            $"({CopiesPerConnection} on each of {Connections} connections, concurrently), {8 * deliveries} deliveries in all; " +
            $"effects: {snapshot.Products.Count} products, {snapshot.Receipts.Count} receipts counted " +
            $"({string.Join(", ", snapshot.Products.OrderBy(product => product.Sku).Select(product => $"{product.Sku} onHand {product.OnHand} reserved {product.Reserved}"))}), " +
            $"{snapshot.Orders.Count} orders, {snapshot.Orders.Sum(order => order.Timeline.Count(entry => entry.Status == OrderStatus.Shipped))} shipments, " +
            $"{snapshot.Orders.Sum(order => order.Timeline.Count(entry => entry.Status == OrderStatus.Cancelled))} cancellations, " +
            $"{faulted} messages in error queues; repeated transitions {report.RepeatedTransitions}; violations {report.Violations.Count}; {report.Summary()}");
        report.Violations.ShouldBeEmpty();
        faulted.ShouldBe(0);
        snapshot.Products.Single(product => product.Sku == "DUP-A").OnHand.ShouldBe(40 - 3);
        snapshot.Products.Single(product => product.Sku == "DUP-B").OnHand.ShouldBe(30 - 2);
        snapshot.Products.ShouldAllBe(product => product.Reserved == 0);
    }

    private static object Order(Guid id, object[] lines) => new
    {
        orderId = id,
        customerId = TestKeys.Customer,
        lines,
        paymentToken = "tok_visa",
        shipTo = new { country = "US" },
    };

    /// <summary>
    /// Publishes every message <see cref="CopiesPerConnection"/> times on each connection, all at once, each copy on
    /// its own channel with publisher confirms, so every copy is on the broker when this returns. The copies share
    /// one message id, as a publisher's retry of the same message would.
    /// </summary>
    private static async Task PublishCopiesAsync(IReadOnlyList<IConnection> connections, params (string Exchange, object Body)[] messages)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var copies = messages.SelectMany(message =>
        {
            var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message.Body));
            var messageId = Guid.NewGuid().ToString();
            return connections.SelectMany(connection => Enumerable.Range(0, CopiesPerConnection).Select(async _ =>
            {
                await using var channel = await connection.CreateChannelAsync(
                    new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
                var properties = new BasicProperties { ContentType = "application/json", MessageId = messageId, Persistent = true };
                await channel.BasicPublishAsync(message.Exchange, routingKey: "", mandatory: true, properties, body, cancellationToken);
            }));
        });
        await Task.WhenAll(copies);
    }

    /// <summary>
    /// Waits until no inbound message is queued or being handled (every copy was acknowledged, so its effect, if
    /// any, is stored) and <paramref name="done"/> holds; returns the store as it is then.
    /// </summary>
    private async Task<StoreSnapshot> WaitUntilHandledAsync(ProcessStack stack, string what, Func<StoreSnapshot, bool> done)
    {
        var (_, snapshot) = await Eventually.GetAsync(
            async cancellationToken =>
            {
                var depths = await broker.QueueDepthsAsync(cancellationToken);
                return (Queued: InboundQueues.Sum(queue => depths.GetValueOrDefault(queue)),
                    Snapshot: await InvariantAudit.ReadAsync(stack.DatabasePath, cancellationToken));
            },
            state => state.Queued == 0 && done(state.Snapshot),
            $"{what}, with every copy handled");
        return snapshot;
    }
}
