using Backend.Domain.Catalog;

namespace Backend.Domain.Tests.Catalog;

public sealed class ProductTests
{
    [Theory]
    [InlineData("WIDGET-1", true)]
    [InlineData("A", true)]
    [InlineData("widget-1", false)]
    [InlineData("", false)]
    [InlineData("WIDGET_1", false)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", false)]
    public void Sku_format_is_enforced(string sku, bool valid) => Sku.IsValid(sku).ShouldBe(valid);

    [Fact]
    public void Low_stock_is_announced_once_when_available_drops_below_the_reorder_point()
    {
        var product = new Product("SKU-1", "Thing", 1m, true, OnHand: 10, Reserved: 8, ReorderPoint: 5);

        product.Available.ShouldBe(2);
        product.CrossedReorderPoint.ShouldBeTrue();
        (product with { BelowReorderPoint = true }).CrossedReorderPoint.ShouldBeFalse();
    }

    [Fact]
    public void Recovery_clears_the_warning_when_available_is_back_at_the_reorder_point()
    {
        var product = new Product("SKU-1", "Thing", 1m, true, OnHand: 10, Reserved: 5, ReorderPoint: 5, BelowReorderPoint: true);

        product.RecoveredFromReorderPoint.ShouldBeTrue();
        product.CrossedReorderPoint.ShouldBeFalse();
    }
}
