using Backend.Domain.Catalog;
using Backend.Domain.Orders;

namespace Backend.Domain.Tests.Orders;

public sealed class CatalogCheckTests
{
    private static readonly Dictionary<string, Product> Catalog = new()
    {
        ["ACTIVE-1"] = new("ACTIVE-1", "On sale", 5m, true, 10, 0, 0),
        ["RETIRED-1"] = new("RETIRED-1", "Retired", 5m, false, 10, 0, 0),
    };

    [Fact]
    public void Passes_when_every_sku_exists_and_is_active()
    {
        CatalogCheck.Check([new OrderLine("ACTIVE-1", 1)], Catalog).ShouldBeNull();
    }

    [Fact]
    public void Rejects_unknown_sku_naming_it_when_a_line_is_not_in_the_catalog()
    {
        CatalogCheck.Check([new OrderLine("ACTIVE-1", 1), new OrderLine("NOPE-1", 1)], Catalog)
            .ShouldBe(new Rejection(RejectionReason.UnknownSku, "NOPE-1"));
    }

    [Fact]
    public void Rejects_inactive_product_naming_it_when_a_line_is_retired()
    {
        CatalogCheck.Check([new OrderLine("RETIRED-1", 1)], Catalog)
            .ShouldBe(new Rejection(RejectionReason.ProductInactive, "RETIRED-1"));
    }
}
