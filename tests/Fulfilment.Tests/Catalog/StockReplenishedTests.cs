using Backend.Contracts.Catalog;
using Backend.Domain.Catalog;
using Backend.Fulfilment.Tests.Infrastructure;
using Backend.Messaging;

namespace Backend.Fulfilment.Tests.Catalog;

public sealed class StockReplenishedTests
{
    [Fact]
    public async Task Counted_once_per_receipt_when_the_same_receipt_arrives_twice()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 10);
        var receipt = new StockReplenished("LAMP", 5, "GRN-1");

        await fixture.Harness.Bus.Publish(receipt);
        await fixture.Harness.Bus.Publish(receipt);
        await fixture.Harness.ConsumedSuccessfullyAsync<StockReplenished>(message => message.ReceiptId == "GRN-1", count: 2);

        (await fixture.ProductAsync("LAMP")).OnHand.ShouldBe(15);

        await fixture.Harness.Bus.Publish(receipt with { ReceiptId = "GRN-2" });
        await fixture.Harness.ConsumedSuccessfullyAsync<StockReplenished>(message => message.ReceiptId == "GRN-2");

        (await fixture.ProductAsync("LAMP")).OnHand.ShouldBe(20);
    }

    [Fact]
    public async Task Faults_with_MissingReferenceException_when_sku_is_unknown()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();

        await fixture.Harness.Bus.Publish(new StockReplenished("GHOST", 5, "GRN-1"));

        await fixture.Harness.FaultedAsync<StockReplenished, MissingReferenceException>(message => message.Sku == "GHOST");
        (await fixture.Products.FindAsync("GHOST", TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    [Fact]
    public async Task Faults_as_invalid_and_counts_nothing_when_quantity_is_not_positive()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 10);

        await fixture.Harness.Bus.Publish(new StockReplenished("LAMP", 0, "GRN-1"));

        await fixture.Harness.RejectedAsInvalidAsync<StockReplenished>(message => message.ReceiptId == "GRN-1");
        (await fixture.ProductAsync("LAMP")).OnHand.ShouldBe(10);
    }

    [Fact]
    public async Task Faults_as_invalid_and_counts_nothing_when_on_hand_would_pass_the_ceiling()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: ProductLimits.MaxOnHand - 10);

        await fixture.Harness.Bus.Publish(new StockReplenished("LAMP", 11, "GRN-1"));

        await fixture.Harness.RejectedAsInvalidAsync<StockReplenished>(message => message.ReceiptId == "GRN-1");
        (await fixture.ProductAsync("LAMP")).OnHand.ShouldBe(ProductLimits.MaxOnHand - 10);
    }
}
