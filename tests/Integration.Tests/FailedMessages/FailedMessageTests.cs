using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Backend.Domain.Catalog;
using Backend.Domain.FailedMessages;
using Backend.Integration.Tests.Infrastructure;
using Backend.Messaging;

namespace Backend.Integration.Tests.FailedMessages;

/// <summary>Failed messages over a real broker: taken from the error queues once, grouped, and re-driven by an operator.</summary>
[Collection(BrokerCollection.Name)]
public sealed class FailedMessageTests(RabbitMqBroker broker)
{
    // Two quick retries (0.2 s, 0.7 s): a missing product still goes through the retries before its error queue.
    private static readonly Dictionary<string, string?> QuickRetries = new() { ["Messaging:RetryLimit"] = "2" };

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Malformed_order_unknown_sku_receipt_and_unshippable_shipment_each_appear_once_with_their_reason_and_group()
    {
        await using var stack = await StartAsync();
        var orderId = Guid.NewGuid();

        await stack.PublishPlainAsync(QueueNames.SubmitOrder, """{"orderId":"6c1f4c63-5a0e-4a4f-9d7e-0d6f1a2b3c4d","customerId":"x","lines":[{"sku":"A-1","quantity":"two"}],"paymentToken":"t","shipTo":{"country":"US"}}""");
        await stack.PublishPlainAsync(QueueNames.StockReplenished, """{"sku":"GHOST-1","quantity":5,"receiptId":"GRN-G1"}""");
        await stack.PublishPlainAsync(QueueNames.ShipmentDispatched, $$"""{"orderId":"{{orderId}}","carrier":"UPS","trackingNumber":"1Z"}""");

        var records = await WaitForRecordsAsync(stack, 3);
        var order = records.Single(record => record.Queue == QueueNames.SubmitOrder);
        order.MessageType.ShouldBe("SubmitOrder");
        order.OrderId.ShouldBe("6c1f4c63-5a0e-4a4f-9d7e-0d6f1a2b3c4d");
        order.Reason.ShouldContain("as a number", Case.Insensitive);
        order.Attempts.ShouldBe(1);
        var receipt = records.Single(record => record.Queue == QueueNames.StockReplenished);
        receipt.Sku.ShouldBe("GHOST-1");
        receipt.ExceptionType.ShouldBe(typeof(MissingReferenceException).FullName);
        receipt.Reason.ShouldBe("Product 'GHOST-1' does not exist.");
        receipt.ReasonPattern.ShouldBe("Product '{id}' does not exist.");
        receipt.Attempts.ShouldBe(3);
        var shipment = records.Single(record => record.Queue == QueueNames.ShipmentDispatched);
        shipment.OrderId.ShouldBe(orderId.ToString());
        shipment.Reason.ShouldBe($"Order {orderId} does not exist.");
        records.ShouldAllBe(record => record.Status == FailedMessageStatus.Failed && record.Kind == FailedMessageKind.Error);

        using var client = stack.Client(TestKeys.Operator);
        var groups = await GroupsAsync(client);
        groups.Count.ShouldBe(3);
        groups.ShouldContain(group => group.Fingerprint == receipt.Fingerprint && group.Count == 1 && group.Reason == receipt.ReasonPattern);
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/admin/failed-messages/{receipt.Id}", Cancellation);
        detail.GetProperty("body").GetString().ShouldBe("""{"sku":"GHOST-1","quantity":5,"receiptId":"GRN-G1"}""");
        detail.GetProperty("headers").GetProperty("MT-Fault-Message").GetString().ShouldBe(receipt.Reason);
        (await stack.CountAsync(QueueNames.ErrorQueue(QueueNames.StockReplenished))).ShouldBe(0u);
    }

    [Fact]
    public async Task Hundred_copies_of_one_fault_are_one_group_of_a_hundred()
    {
        await using var stack = await StartAsync();

        for (var copy = 0; copy < 100; copy++)
        {
            await stack.PublishPlainAsync(QueueNames.StockReplenished, $$"""{"sku":"GHOST-{{copy}}","quantity":{{copy + 1}},"receiptId":"GRN-{{copy}}"}""");
        }

        await WaitForRecordsAsync(stack, 100);
        using var client = stack.Client(TestKeys.Operator);
        var group = (await GroupsAsync(client)).ShouldHaveSingleItem();
        group.Count.ShouldBe(100);
        group.MessageType.ShouldBe("StockReplenished");
        group.Reason.ShouldBe("Product '{id}' does not exist.");
    }

    [Fact]
    public async Task Redriven_receipt_whose_product_now_exists_takes_effect_once()
    {
        await using var stack = await StartAsync();
        await stack.PublishPlainAsync(QueueNames.StockReplenished, """{"sku":"LATE-1","quantity":7,"receiptId":"GRN-L1"}""");
        var record = (await WaitForRecordsAsync(stack, 1)).Single();
        await stack.Products.UpsertAsync(new ProductDefinition("LATE-1", "Late product", 5m, true, 0), Cancellation);

        using var client = stack.Client(TestKeys.Operator);
        using var response = await client.PostAsync($"/api/admin/failed-messages/{record.Id}/redeliver", null, Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var product = await Eventually.GetAsync(ct => stack.Products.FindAsync("LATE-1", ct), found => found!.OnHand > 0, "the re-driven receipt");
        product!.OnHand.ShouldBe(7);
        var stored = (await stack.FailedMessages.FindAsync(record.Id, Cancellation))!;
        stored.Status.ShouldBe(FailedMessageStatus.Redelivered);
        stored.ReplayCount.ShouldBe(1);
        (await client.PostAsync($"/api/admin/failed-messages/{record.Id}/redeliver", null, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await Task.Delay(TimeSpan.FromSeconds(1), Cancellation);
        (await stack.Products.FindAsync("LATE-1", Cancellation))!.OnHand.ShouldBe(7);
        (await stack.FailedMessages.ListAsync(new FailedMessageQuery(), Cancellation)).TotalCount.ShouldBe(1);
    }

    [Fact]
    public async Task Redriven_message_that_fails_again_raises_its_replay_count_and_adds_no_row()
    {
        await using var stack = await StartAsync();
        await stack.PublishPlainAsync(QueueNames.StockReplenished, """{"sku":"NEVER-1","quantity":1,"receiptId":"GRN-N1"}""");
        var record = (await WaitForRecordsAsync(stack, 1)).Single();
        using var client = stack.Client(TestKeys.Operator);

        for (var replay = 1; replay <= 2; replay++)
        {
            (await client.PostAsync($"/api/admin/failed-messages/{record.Id}/redeliver", null, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
            var expected = replay;
            var stored = await Eventually.GetAsync(
                ct => stack.FailedMessages.FindAsync(record.Id, ct),
                found => found is { Status: FailedMessageStatus.Failed } && found.ReplayCount == expected,
                $"replay {expected} to fail again");
            stored!.Attempts.ShouldBe(3 * (replay + 1));
            stored.LastFailedAt.ShouldBeGreaterThan(record.LastFailedAt);
            stored.FirstFailedAt.ShouldBe(record.FirstFailedAt);
        }

        (await stack.FailedMessages.ListAsync(new FailedMessageQuery(), Cancellation)).TotalCount.ShouldBe(1);
    }

    [Fact]
    public async Task Group_redrive_with_a_limit_and_a_rate_moves_exactly_the_limit_no_faster_than_the_rate()
    {
        await using var stack = await StartAsync();
        for (var copy = 0; copy < 15; copy++)
        {
            await stack.PublishPlainAsync(QueueNames.StockReplenished, $$"""{"sku":"SLOW-{{copy}}","quantity":1,"receiptId":"GRN-S{{copy}}"}""");
        }

        var records = await WaitForRecordsAsync(stack, 15);
        using var client = stack.Client(TestKeys.Operator);
        var watch = Stopwatch.StartNew();

        using var response = await client.PostAsync(
            $"/api/admin/failed-messages/groups/{records[0].Fingerprint}/redeliver?limit=10&ratePerSecond=5", null, Cancellation);

        watch.Stop();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        result.GetProperty("matched").GetInt32().ShouldBe(10);
        result.GetProperty("moved").GetInt32().ShouldBe(10);
        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.8));
        // The ten fail again (their products still do not exist) and come back Failed; five were never touched.
        var all = await Eventually.GetAsync(
            async ct => (await stack.FailedMessages.ListAsync(new FailedMessageQuery(PageSize: 100), ct)).Items,
            items => items.Count(item => item is { ReplayCount: 1, Status: FailedMessageStatus.Failed }) == 10,
            "the ten re-driven messages to fail again");
        all.Count.ShouldBe(15);
        all.Count(item => item.ReplayCount == 0).ShouldBe(5);
    }

    private Task<BackendStack> StartAsync() =>
        BackendStack.StartAsync(broker, workerSettings: QuickRetries, ingestFailedMessages: true);

    private static async Task<IReadOnlyList<FailedMessage>> WaitForRecordsAsync(BackendStack stack, int count) =>
        await Eventually.GetAsync(
            async ct => (await stack.FailedMessages.ListAsync(new FailedMessageQuery(PageSize: 100), ct)).Items,
            items => items.Count >= count,
            $"{count} failed messages in the store");

    private static async Task<IReadOnlyList<FailedMessageGroup>> GroupsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<GroupList>("/api/admin/failed-messages/groups", Web, Cancellation))!.Groups;

    private sealed record GroupList(IReadOnlyList<FailedMessageGroup> Groups);
}
