using System.Net;
using System.Net.Http.Json;

using Backend.Integration.Tests.Infrastructure;

namespace Backend.Integration.Tests.Orders;

/// <summary>Ingress and workers as two hosts over the real broker and one SQLite file: what a client sees.</summary>
[Collection(BrokerCollection.Name)]
public sealed class OrderLifecycleTests(RabbitMqBroker broker)
{
    private static object Order(string sku, int quantity, string token = "tok_visa", string country = "US") => new
    {
        lines = new[] { new { sku, quantity } },
        paymentToken = token,
        shipTo = new { country },
    };

    private static async Task<Guid> SubmitAsync(HttpClient client, object order)
    {
        using var response = await client.PostAsJsonAsync("/api/orders", order, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        response.Headers.Location.ShouldNotBeNull();
        response.Headers.RetryAfter.ShouldNotBeNull();
        var body = await response.Content.ReadFromJsonAsync<AcceptedBody>(TestContext.Current.CancellationToken);
        return body!.Id;
    }

    [Fact]
    public async Task Order_is_confirmed_and_priced_when_stock_and_payment_allow()
    {
        await using var stack = await BackendStack.StartAsync(broker);
        await stack.SeedProductAsync("E2E-OK", onHand: 10, unitPrice: 300m);
        using var client = stack.Client();

        var orderId = await SubmitAsync(client, Order("E2E-OK", 2));
        var view = await stack.WaitForFinalAsync(orderId);

        view.GetProperty("status").GetString().ShouldBe("Confirmed");
        var totals = view.GetProperty("totals");
        totals.GetProperty("subtotal").GetDecimal().ShouldBe(600m);
        totals.GetProperty("discount").GetDecimal().ShouldBe(30m);
        totals.GetProperty("total").GetDecimal().ShouldBe(570m);
        view.GetProperty("timeline").GetArrayLength().ShouldBe(3);
        var product = await stack.Products.FindAsync("E2E-OK", TestContext.Current.CancellationToken);
        product!.Reserved.ShouldBe(2);
        product.Available.ShouldBe(8);
    }

    [Fact]
    public async Task Declined_payment_rejects_the_order_and_releases_its_stock()
    {
        await using var stack = await BackendStack.StartAsync(broker);
        await stack.SeedProductAsync("E2E-DECLINE", onHand: 5);
        using var client = stack.Client();

        var orderId = await SubmitAsync(client, Order("E2E-DECLINE", 3, token: "tok_decline"));
        var view = await stack.WaitForFinalAsync(orderId);

        view.GetProperty("status").GetString().ShouldBe("Rejected");
        view.GetProperty("reason").GetString().ShouldBe("PaymentDeclined");
        // Settling follows the stored outcome, so the release may land a moment after the status.
        var product = await Eventually.GetAsync(
            ct => stack.Products.FindAsync("E2E-DECLINE", ct), found => found!.Reserved == 0, "the declined order's stock release");
        product!.OnHand.ShouldBe(5);
    }

    [Fact]
    public async Task Flaky_gateway_is_retried_until_the_order_is_confirmed()
    {
        await using var stack = await BackendStack.StartAsync(broker);
        await stack.SeedProductAsync("E2E-FLAKY", onHand: 5);
        using var client = stack.Client();

        var orderId = await SubmitAsync(client, Order("E2E-FLAKY", 1, token: "tok_flaky"));

        (await stack.WaitForFinalAsync(orderId)).GetProperty("status").GetString().ShouldBe("Confirmed");
    }

    [Fact]
    public async Task Cancelled_order_gives_its_stock_back_and_cannot_be_cancelled_twice()
    {
        await using var stack = await BackendStack.StartAsync(broker);
        await stack.SeedProductAsync("E2E-CANCEL", onHand: 4);
        using var client = stack.Client();
        var orderId = await SubmitAsync(client, Order("E2E-CANCEL", 4));
        await stack.WaitForFinalAsync(orderId);

        using var cancel = await client.PostAsync($"/api/orders/{orderId}/cancel", null, TestContext.Current.CancellationToken);
        cancel.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await stack.WaitForOrderAsync(orderId, status => status == "Cancelled")).GetProperty("status").GetString().ShouldBe("Cancelled");

        using var again = await client.PostAsync($"/api/orders/{orderId}/cancel", null, TestContext.Current.CancellationToken);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var product = await Eventually.GetAsync(
            ct => stack.Products.FindAsync("E2E-CANCEL", ct), found => found!.Reserved == 0, "the cancelled order's stock release");
        product!.Available.ShouldBe(4);
    }

    [Fact]
    public async Task Shipment_from_the_warehouse_ships_the_order_and_takes_its_units_off_hand()
    {
        await using var stack = await BackendStack.StartAsync(broker);
        await stack.SeedProductAsync("E2E-SHIP", onHand: 6);
        using var client = stack.Client();
        var orderId = await SubmitAsync(client, Order("E2E-SHIP", 2));
        await stack.WaitForFinalAsync(orderId);

        var shipment = $$"""{"orderId":"{{orderId}}","carrier":"DHL","trackingNumber":"JD0001"}""";
        await stack.PublishPlainAsync("shipment-dispatched", shipment);
        await stack.PublishPlainAsync("shipment-dispatched", shipment);
        var view = await stack.WaitForOrderAsync(orderId, status => status == "Shipped");

        view.GetProperty("shipment").GetProperty("trackingNumber").GetString().ShouldBe("JD0001");
        using var cancel = await client.PostAsync($"/api/orders/{orderId}/cancel", null, TestContext.Current.CancellationToken);
        cancel.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var product = await Eventually.GetAsync(
            cancellationToken => stack.Products.FindAsync("E2E-SHIP", cancellationToken),
            found => found!.OnHand == 4,
            "the shipped units to leave on-hand");
        product!.Reserved.ShouldBe(0);
        (await stack.CountAsync("shipment-dispatched_error")).ShouldBe(0u);
    }

    private sealed record AcceptedBody(Guid Id, string Status);
}
