using Backend.Domain.Orders;
using Backend.Domain.Pricing;
using Backend.Domain.Reports;

namespace Backend.Domain.Tests.Reports;

public sealed class DailySalesReportTests
{
    private static readonly DateOnly Day = new(2026, 11, 27);
    private static readonly DateTimeOffset Noon = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static Order Confirmed(DateTimeOffset at, params (string Sku, int Quantity, decimal UnitPrice)[] lines)
    {
        var priced = lines.Select(line => new OrderLine(line.Sku, line.Quantity, line.UnitPrice, line.UnitPrice * line.Quantity)).ToList();
        var subtotal = priced.Sum(line => line.LineTotal!.Value);
        var discount = subtotal >= 500m ? PricingPolicy.Round(subtotal * 0.05m) : 0m;
        var tax = PricingPolicy.Round((subtotal - discount) * 0.1m);
        return Order.Accept(Guid.NewGuid(), "c", [.. priced.Select(line => line with { UnitPrice = null, LineTotal = null })], "tok", new ShipTo("US"), at.AddMinutes(-1))
            .Reserve(new PriceQuote(priced, new OrderTotals(subtotal, discount, tax, subtotal - discount + tax, "USD")), at)
            .Confirm("auth", at);
    }

    [Fact]
    public void Sums_orders_confirmed_that_day_when_they_are_confirmed_or_shipped()
    {
        var shipped = Confirmed(Noon, ("A", 2, 300m)).Ship(new Shipment("UPS", "1"), Noon.AddHours(1));
        var confirmed = Confirmed(Noon.AddHours(2), ("B", 1, 10m));

        var report = DailySalesReport.Build(Day, [shipped, confirmed]);

        report.Orders.ShouldBe(2);
        report.Units.ShouldBe(3);
        report.Gross.ShouldBe(610m);
        report.Discounts.ShouldBe(30m);
        report.Net.ShouldBe(580m);
        report.Tax.ShouldBe(57m + 1m);
    }

    [Fact]
    public void Leaves_out_orders_of_other_days_and_cancelled_ones()
    {
        var yesterday = Confirmed(Noon.AddDays(-1), ("A", 1, 10m));
        var midnight = Confirmed(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero), ("A", 1, 10m));
        var cancelled = Confirmed(Noon, ("A", 1, 10m)).Cancel("c", Noon.AddMinutes(5));

        DailySalesReport.Build(Day, [yesterday, midnight, cancelled]).Orders.ShouldBe(0);
    }

    [Fact]
    public void Top_skus_are_ranked_by_units_and_capped_at_ten()
    {
        var orders = Enumerable.Range(1, 12)
            .Select(i => Confirmed(Noon, ($"SKU-{i:00}", i, 1m)))
            .ToList();

        var top = DailySalesReport.Build(Day, orders).TopSkus;

        top.Count.ShouldBe(10);
        top[0].ShouldBe(new SkuSales("SKU-12", 12, 12m));
        top[^1].Sku.ShouldBe("SKU-03");
    }
}
