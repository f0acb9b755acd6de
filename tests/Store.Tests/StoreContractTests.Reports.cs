using System.Globalization;

using Backend.Domain.Reports;

namespace Backend.Store.Tests;

public abstract partial class StoreContractTests
{
    private static readonly DateOnly ReportDay = new(2025, 3, 1);

    [Fact]
    public async Task Daily_report_reads_back_with_its_decimals_exact_and_a_second_save_replaces_it()
    {
        var first = new StoredDailySalesReport(
            new DailySalesReport(ReportDay, 3, 7, 1234.50m, 0.10m, 98.7600m, 1234.40m,
                [new SkuSales("SKU-1", 5, 1000.00m), new SkuSales("SKU-2", 2, 234.5m)]),
            "USD",
            TestOrders.T0.AddTicks(1_234_567));
        await Reports.SaveDailyAsync(first, Cancellation);
        var found = await Reports.FindDailyAsync(ReportDay, Cancellation);

        found.ShouldNotBeNull();
        found.Report.TopSkus.ShouldBe(first.Report.TopSkus);
        found.ShouldBe(first with { Report = first.Report with { TopSkus = found.Report.TopSkus }, GeneratedAt = TestOrders.T0.AddMilliseconds(123) });
        Text(found.Report.Gross, found.Report.Discounts, found.Report.Tax, found.Report.Net, found.Report.TopSkus[0].Gross, found.Report.TopSkus[1].Gross)
            .ShouldBe("1234.50 0.10 98.7600 1234.40 1000.00 234.5");

        var second = new StoredDailySalesReport(new DailySalesReport(ReportDay, 0, 0, 0m, 0m, 0m, 0m, []), "EUR", TestOrders.T0.AddDays(1));
        await Reports.SaveDailyAsync(second, Cancellation);

        var replaced = await Reports.FindDailyAsync(ReportDay, Cancellation);
        replaced.ShouldNotBeNull();
        (replaced.Currency, replaced.GeneratedAt, replaced.Report.Orders, replaced.Report.TopSkus.Count).ShouldBe(("EUR", TestOrders.T0.AddDays(1), 0, 0));
        (await Reports.FindDailyAsync(ReportDay.AddDays(1), Cancellation)).ShouldBeNull();
    }

    private static string Text(params decimal[] values) => string.Join(' ', values.Select(value => value.ToString(CultureInfo.InvariantCulture)));
}
