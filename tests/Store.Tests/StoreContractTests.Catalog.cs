using Backend.Domain.Catalog;

namespace Backend.Store.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Upsert_creates_a_product_without_stock_when_the_sku_is_new()
    {
        await Products.UpsertAsync(new ProductDefinition("SKU-1", "Mug", 12.50m, true, 5), Cancellation);

        (await ProductAsync("SKU-1")).ShouldBe(new Product("SKU-1", "Mug", 12.50m, true, 0, 0, 5, false));
    }

    [Fact]
    public async Task Upsert_changes_the_definition_and_keeps_the_stock_when_the_product_exists()
    {
        await StockAsync("SKU-1", onHand: 10);
        await Products.ReserveAsync(Guid.NewGuid(), [new StockRequest("SKU-1", 3)], Cancellation);
        await Products.TrySetBelowReorderPointAsync("SKU-1", true, Cancellation);

        await Products.UpsertAsync(new ProductDefinition("SKU-1", "Renamed", 24.00m, false, 7), Cancellation);

        (await ProductAsync("SKU-1")).ShouldBe(new Product("SKU-1", "Renamed", 24.00m, false, 10, 3, 7, true));
    }

    [Theory]
    [InlineData("19.99")]
    [InlineData("0.10")]
    [InlineData("1234567.89")]
    [InlineData("0.01")]
    public async Task Unit_price_round_trips_exactly_when_stored(string price)
    {
        var unitPrice = decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture);
        await StockAsync("SKU-1", onHand: 0, unitPrice: unitPrice);

        (await ProductAsync("SKU-1")).UnitPrice.ShouldBe(unitPrice);
        (await ProductAsync("SKU-1")).UnitPrice.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(price);
    }

    [Fact]
    public async Task Find_returns_null_when_the_sku_is_unknown() =>
        (await Products.FindAsync("NOPE", Cancellation)).ShouldBeNull();

    [Fact]
    public async Task FindMany_returns_the_known_skus_only()
    {
        await StockAsync("SKU-2", onHand: 1);
        await StockAsync("SKU-1", onHand: 2);
        await StockAsync("SKU-3", onHand: 3);

        var found = await Products.FindManyAsync(["SKU-1", "SKU-2", "NOPE"], Cancellation);

        found.Select(product => (product.Sku, product.OnHand)).ShouldBe([("SKU-1", 2), ("SKU-2", 1)], ignoreOrder: true);
        (await Products.FindManyAsync([], Cancellation)).ShouldBeEmpty();
    }

    [Fact]
    public async Task List_returns_every_product_ordered_by_sku()
    {
        await StockAsync("B-2", onHand: 0);
        await StockAsync("A-1", onHand: 0);
        await StockAsync("C-3", onHand: 0);

        (await Products.ListAsync(Cancellation)).Select(product => product.Sku).ShouldBe(["A-1", "B-2", "C-3"]);
    }

    [Fact]
    public async Task Low_stock_flag_reports_true_only_for_the_call_that_changes_it()
    {
        await StockAsync("SKU-1", onHand: 1, reorderPoint: 5);

        (await Products.TrySetBelowReorderPointAsync("SKU-1", true, Cancellation)).ShouldBeTrue();
        (await Products.TrySetBelowReorderPointAsync("SKU-1", true, Cancellation)).ShouldBeFalse();
        (await ProductAsync("SKU-1")).BelowReorderPoint.ShouldBeTrue();
        (await Products.TrySetBelowReorderPointAsync("SKU-1", false, Cancellation)).ShouldBeTrue();
        (await Products.TrySetBelowReorderPointAsync("SKU-1", false, Cancellation)).ShouldBeFalse();
        (await ProductAsync("SKU-1")).BelowReorderPoint.ShouldBeFalse();
        (await Products.TrySetBelowReorderPointAsync("NOPE", true, Cancellation)).ShouldBeFalse();
    }

    [Fact]
    public async Task Low_stock_flag_is_won_by_one_caller_when_callers_race()
    {
        await StockAsync("SKU-1", onHand: 1, reorderPoint: 5);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => Products.TrySetBelowReorderPointAsync("SKU-1", true, Cancellation), Cancellation)));

        results.Count(won => won).ShouldBe(1);
    }

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
}
