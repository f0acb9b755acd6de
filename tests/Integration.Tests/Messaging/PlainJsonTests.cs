using System.Text;

using Backend.Domain.Orders;
using Backend.Integration.Tests.Infrastructure;
using Backend.Messaging;

namespace Backend.Integration.Tests.Messaging;

/// <summary>Other systems publish with a bare AMQP client (RabbitMQ.Client here): no envelope, no MassTransit.</summary>
[Collection(BrokerCollection.Name)]
public sealed class PlainJsonTests(RabbitMqBroker broker)
{
    private static string Header(IDictionary<string, object?> headers, string name) =>
        headers.TryGetValue(name, out var value) && value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : $"<no {name}>";

    [Fact]
    public async Task Catalog_messages_create_the_product_and_count_a_receipt_once()
    {
        // One message at a time, so the last receipt is handled after the duplicates before it.
        await using var stack = await BackendStack.StartAsync(
            broker, workerSettings: new Dictionary<string, string?> { ["Messaging:ConcurrentMessageLimit"] = "1" });

        await stack.PublishPlainAsync("upsert-product", """{"sku":"PLAIN-1","name":"Plain lamp","unitPrice":39.90,"active":true,"reorderPoint":2}""");
        await Eventually.GetAsync(ct => stack.Products.FindAsync("PLAIN-1", ct), product => product is not null, "the upserted product");
        // PascalCase, no content type, a message id that is no GUID: all accepted.
        await stack.PublishPlainAsync("stock-replenished", """{"Sku":"PLAIN-1","Quantity":7,"ReceiptId":"GRN-1"}""", contentType: null, messageId: "grn-1");
        await stack.PublishPlainAsync("stock-replenished", """{"sku":"PLAIN-1","quantity":7,"receiptId":"GRN-1"}""");
        await stack.PublishPlainAsync("stock-replenished", """{"sku":"PLAIN-1","quantity":1,"receiptId":"GRN-2"}""");

        // GRN-2 is handled last; once its unit is in, a counted duplicate would show as 15.
        var product = await Eventually.GetAsync(
            ct => stack.Products.FindAsync("PLAIN-1", ct), found => found!.OnHand % 7 == 1, "the last receipt");
        product!.OnHand.ShouldBe(8);
        product.UnitPrice.ShouldBe(39.90m);
        product.ReorderPoint.ShouldBe(2);
    }

    [Fact]
    public async Task Submitted_order_is_stored_and_processed_when_published_without_an_envelope()
    {
        await using var stack = await BackendStack.StartAsync(broker);
        await stack.SeedProductAsync("PLAIN-2", onHand: 3, unitPrice: 5m);
        var orderId = Guid.NewGuid();

        await stack.PublishPlainAsync("submit-order", $$$"""
            {"OrderId":"{{{orderId}}}","CustomerId":"marketplace-9","Lines":[{"Sku":"PLAIN-2","Quantity":2}],
             "PaymentToken":"tok_visa","ShipTo":{"Country":"de"}}
            """, contentType: null, messageId: "order-from-python-1");
        var view = await stack.WaitForFinalAsync(orderId);

        view.GetProperty("status").GetString().ShouldBe("Confirmed");
        view.GetProperty("customerId").GetString().ShouldBe("marketplace-9");
        view.GetProperty("totals").GetProperty("total").GetDecimal().ShouldBe(10m);
    }

    [Fact]
    public async Task Cancel_published_by_another_system_cancels_the_order()
    {
        await using var stack = await BackendStack.StartAsync(broker);
        await stack.SeedProductAsync("PLAIN-3", onHand: 3);
        var orderId = Guid.NewGuid();
        await stack.PublishPlainAsync("submit-order", $$$"""
            {"orderId":"{{{orderId}}}","customerId":"erp","lines":[{"sku":"PLAIN-3","quantity":1}],"paymentToken":"tok_visa","shipTo":{"country":"US"}}
            """);
        await stack.WaitForFinalAsync(orderId);

        await stack.PublishPlainAsync("cancel-order", $$$"""{"orderId":"{{{orderId}}}","requestedBy":"erp"}""");

        await stack.WaitForOrderAsync(orderId, status => status == "Cancelled");
        await Eventually.GetAsync(ct => stack.Products.FindAsync("PLAIN-3", ct), found => found!.Reserved == 0, "the cancelled order's stock release");
    }

    [Theory]
    [InlineData("{not json", "invalid")]
    [InlineData("""{"orderId":"6c1f4c63-5a0e-4a4f-9d7e-0d6f1a2b3c4d","customerId":"x","paymentToken":"tok_visa","shipTo":{"country":"US"}}""", "lines")]
    [InlineData("""{"orderId":"6c1f4c63-5a0e-4a4f-9d7e-0d6f1a2b3c4d","customerId":"x","lines":[{"sku":"A-1","quantity":"two"}],"paymentToken":"t","shipTo":{"country":"US"}}""", "number")]
    public async Task Bad_message_goes_to_the_error_queue_once_with_its_reason_and_changes_nothing(string body, string reasonMentions)
    {
        await using var stack = await BackendStack.StartAsync(broker);
        await stack.SeedProductAsync("PLAIN-4", onHand: 1);

        await stack.PublishPlainAsync("submit-order", body);
        var (errorBody, headers) = await stack.WaitForErrorAsync("submit-order");

        errorBody.ShouldBe(body);
        Header(headers, "MT-Fault-Message").ShouldContain(reasonMentions, Case.Insensitive);
        (await stack.Orders.FindAsync(Guid.Parse("6c1f4c63-5a0e-4a4f-9d7e-0d6f1a2b3c4d"), TestContext.Current.CancellationToken)).ShouldBeNull();

        // The worker keeps consuming: the next good order goes through, and the bad one was not redelivered.
        var orderId = Guid.NewGuid();
        await stack.PublishPlainAsync("submit-order", $$$"""
            {"orderId":"{{{orderId}}}","customerId":"x","lines":[{"sku":"PLAIN-4","quantity":1}],"paymentToken":"tok_visa","shipTo":{"country":"US"}}
            """);
        (await stack.WaitForFinalAsync(orderId)).GetProperty("status").GetString().ShouldBe(nameof(OrderStatus.Confirmed));
        (await stack.CountAsync("submit-order_error")).ShouldBe(0u);
    }

    [Fact]
    public async Task Shipment_of_a_rejected_order_is_recorded_as_a_conflict_and_its_units_leave_on_hand()
    {
        await using var stack = await BackendStack.StartAsync(broker);
        await stack.SeedProductAsync("PLAIN-5", onHand: 1);
        var orderId = Guid.NewGuid();
        await stack.PublishPlainAsync("submit-order", $$$"""
            {"orderId":"{{{orderId}}}","customerId":"x","lines":[{"sku":"PLAIN-5","quantity":1}],"paymentToken":"tok_decline","shipTo":{"country":"US"}}
            """);
        await stack.WaitForFinalAsync(orderId);

        await stack.PublishPlainAsync("shipment-dispatched", $$$"""{"orderId":"{{{orderId}}}","carrier":"UPS","trackingNumber":"1Z"}""");

        var view = await Eventually.GetAsync(
            cancellationToken => stack.Orders.FindAsync(orderId, cancellationToken),
            order => order!.Conflicts.Count > 0,
            $"a shipment conflict on order {orderId}");
        view!.Status.ShouldBe(OrderStatus.Rejected);
        view.Conflicts.ShouldHaveSingleItem().Shipment.ShouldBe(new Shipment("UPS", "1Z"));
        (await stack.Products.FindAsync("PLAIN-5", TestContext.Current.CancellationToken))!.OnHand.ShouldBe(0);
        (await stack.CountAsync(QueueNames.ErrorQueue("shipment-dispatched"))).ShouldBe(0u);
    }

    [Fact]
    public async Task Message_over_the_size_limit_goes_to_the_error_queue_unread_and_the_worker_carries_on()
    {
        await using var stack = await BackendStack.StartAsync(
            broker, workerSettings: new Dictionary<string, string?> { ["Messaging:MaxMessageBytes"] = "4096" });
        var body = $$"""{"sku":"PLAIN-6","name":"{{new string('n', 5000)}}","unitPrice":1}""";

        await stack.PublishPlainAsync("upsert-product", body);
        var (errorBody, headers) = await stack.WaitForErrorAsync("upsert-product");

        errorBody.ShouldBe(body);
        Header(headers, "MT-Fault-ExceptionType").ShouldBe(typeof(MessageTooLargeException).FullName);
        Header(headers, "MT-Fault-Message").ShouldContain("at most 4096");
        await stack.PublishPlainAsync("upsert-product", """{"sku":"PLAIN-7","name":"Small","unitPrice":1}""");
        await Eventually.GetAsync(ct => stack.Products.FindAsync("PLAIN-7", ct), product => product is not null, "the next product");
        (await stack.Products.FindAsync("PLAIN-6", TestContext.Current.CancellationToken)).ShouldBeNull();
        (await stack.CountAsync("upsert-product_error")).ShouldBe(0u);
    }
}
