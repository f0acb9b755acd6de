using Backend.Contracts.Catalog;
using Backend.Contracts.Orders;
using Backend.Fulfilment.Tests.Infrastructure;

namespace Backend.Fulfilment.Tests.Catalog;

public sealed class StockLowTests
{
    [Fact]
    public async Task Published_once_per_crossing_of_the_reorder_point()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 10, reorderPoint: 5);

        await fixture.SubmitConfirmedAsync("LAMP", 6);
        StockLows(fixture).ShouldBe([new StockLow("LAMP", 4, 5)]);

        await fixture.SubmitConfirmedAsync("LAMP", 1);
        StockLows(fixture).ShouldHaveSingleItem();

        await fixture.Harness.Bus.Publish(new StockReplenished("LAMP", 10, "GRN-1"));
        await fixture.Harness.ConsumedSuccessfullyAsync<StockReplenished>(message => message.ReceiptId == "GRN-1");
        (await fixture.ProductAsync("LAMP")).BelowReorderPoint.ShouldBeFalse();
        StockLows(fixture).ShouldHaveSingleItem();

        await fixture.SubmitConfirmedAsync("LAMP", 9);
        StockLows(fixture).ShouldBe([new StockLow("LAMP", 4, 5), new StockLow("LAMP", 4, 5)]);
    }

    [Fact]
    public async Task Not_published_when_available_lands_exactly_on_the_reorder_point()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 10, reorderPoint: 5);

        await fixture.SubmitConfirmedAsync("LAMP", 5);

        StockLows(fixture).ShouldBeEmpty();
        (await fixture.ProductAsync("LAMP")).BelowReorderPoint.ShouldBeFalse();
    }

    [Fact]
    public async Task Published_again_when_a_cancellation_lifted_stock_and_a_later_order_crosses()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 10, reorderPoint: 5);
        var first = await fixture.SubmitConfirmedAsync("LAMP", 6);

        await fixture.Harness.Bus.Publish(new CancelOrder(first, "customer-1"));
        await fixture.Harness.PublishedAsync<OrderCancelled>(message => message.OrderId == first);
        await fixture.SubmitConfirmedAsync("LAMP", 7);

        StockLows(fixture).ShouldBe([new StockLow("LAMP", 4, 5), new StockLow("LAMP", 3, 5)]);
    }

    [Fact]
    public async Task Published_when_the_crossing_order_needed_payment_retries()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 10, reorderPoint: 5);
        var submit = Messages.Submit("LAMP", 6, token: "tok_flaky");

        await fixture.Harness.Bus.Publish(submit);

        await fixture.Harness.PublishedAsync<OrderConfirmed>(message => message.OrderId == submit.OrderId);
        StockLows(fixture).ShouldBe([new StockLow("LAMP", 4, 5)]);
    }

    // Each order's StockLow goes out before its OrderConfirmed, which the steps above wait for.
    private static IReadOnlyList<StockLow> StockLows(FulfilmentHarness fixture) =>
        fixture.Harness.PublishedSoFar<StockLow>(message => message.Sku == "LAMP");
}
