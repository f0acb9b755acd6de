using Backend.Domain.Catalog;

namespace Backend.Store.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Receipt_is_counted_once_when_it_is_delivered_again()
    {
        await StockAsync("SKU-1", onHand: 0);

        (await Products.ReceiveAsync("SKU-1", 5, "receipt-1", Cancellation)).ShouldBe(ReceiptOutcome.Counted);
        (await Products.ReceiveAsync("SKU-1", 5, "receipt-1", Cancellation)).ShouldBe(ReceiptOutcome.Duplicate);
        (await Products.ReceiveAsync("SKU-1", 3, "receipt-2", Cancellation)).ShouldBe(ReceiptOutcome.Counted);

        (await ProductAsync("SKU-1")).OnHand.ShouldBe(8);
    }

    [Fact]
    public async Task Receipt_counts_once_for_each_sku_when_it_covers_several()
    {
        await StockAsync("SKU-A", onHand: 0);
        await StockAsync("SKU-B", onHand: 0);

        (await Products.ReceiveAsync("SKU-A", 5, "GRN-1", Cancellation)).ShouldBe(ReceiptOutcome.Counted);
        (await Products.ReceiveAsync("SKU-B", 7, "GRN-1", Cancellation)).ShouldBe(ReceiptOutcome.Counted);
        (await Products.ReceiveAsync("SKU-A", 5, "GRN-1", Cancellation)).ShouldBe(ReceiptOutcome.Duplicate);
        (await Products.ReceiveAsync("SKU-B", 7, "GRN-1", Cancellation)).ShouldBe(ReceiptOutcome.Duplicate);

        (await ProductAsync("SKU-A")).OnHand.ShouldBe(5);
        (await ProductAsync("SKU-B")).OnHand.ShouldBe(7);
    }

    [Fact]
    public async Task Receipt_is_counted_once_when_deliveries_race()
    {
        await StockAsync("SKU-1", onHand: 0);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => Products.ReceiveAsync("SKU-1", 5, "receipt-1", Cancellation), Cancellation)));

        outcomes.Count(outcome => outcome == ReceiptOutcome.Counted).ShouldBe(1);
        (await ProductAsync("SKU-1")).OnHand.ShouldBe(5);
    }

    [Fact]
    public async Task Receipt_reports_unknown_sku_and_changes_nothing_when_the_product_is_missing()
    {
        (await Products.ReceiveAsync("NOPE", 5, "receipt-1", Cancellation)).ShouldBe(ReceiptOutcome.UnknownSku);
        (await Products.FindAsync("NOPE", Cancellation)).ShouldBeNull();

        await StockAsync("NOPE", onHand: 0);
        (await Products.ReceiveAsync("NOPE", 5, "receipt-1", Cancellation)).ShouldBe(ReceiptOutcome.Counted);
    }

    [Fact]
    public async Task Receipt_is_not_counted_when_it_would_take_on_hand_past_the_ceiling()
    {
        await StockAsync("SKU-1", onHand: ProductLimits.MaxOnHand - 1);

        (await Products.ReceiveAsync("SKU-1", 2, "receipt-over", Cancellation)).ShouldBe(ReceiptOutcome.OverLimit);
        (await ProductAsync("SKU-1")).OnHand.ShouldBe(ProductLimits.MaxOnHand - 1);
        (await Products.ReceiveAsync("SKU-1", 1, "receipt-fits", Cancellation)).ShouldBe(ReceiptOutcome.Counted);
        (await Products.ReceiveAsync("SKU-1", 1, "receipt-fits", Cancellation)).ShouldBe(ReceiptOutcome.Duplicate);

        (await ProductAsync("SKU-1")).OnHand.ShouldBe(ProductLimits.MaxOnHand);
    }
}
