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
        await StockAsync("SKU-1", onHand: 10, reorderPoint: 8);
        await Products.ReserveAsync(Guid.NewGuid(), [new StockRequest("SKU-1", 3)], Cancellation);
        (await Products.TrySetBelowReorderPointAsync("SKU-1", true, Cancellation)).ShouldBeTrue();

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
}
