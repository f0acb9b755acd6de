using Backend.Contracts.Reports;
using Backend.Domain.Orders;
using Backend.Domain.Reports;
using Backend.Fulfilment.Jobs;
using Backend.Fulfilment.Tests.Infrastructure;

using Microsoft.Extensions.DependencyInjection;

namespace Backend.Fulfilment.Tests.Jobs;

public sealed class DailySalesReportJobTests
{
    private static readonly DateOnly Yesterday = DateOnly.FromDateTime(FulfilmentHarness.Now.UtcDateTime).AddDays(-1);

    [Fact]
    public async Task Stores_the_previous_UTC_days_report_and_announces_it_once()
    {
        await using var fixture = await FulfilmentHarness.StartAsync(new Dictionary<string, string?> { ["Pricing:Currency"] = "EUR" });
        await fixture.SeedProductAsync("LAMP");
        var startOfToday = new DateTimeOffset(FulfilmentHarness.Now.UtcDateTime.Date, TimeSpan.Zero);
        await fixture.AddAsync(OrderStatus.Confirmed, startOfToday.AddHours(-3), "LAMP", 2);
        await fixture.AddAsync(OrderStatus.Confirmed, startOfToday.AddHours(-23), "LAMP", 1);
        // Outside the day: the day before, and today.
        await fixture.AddAsync(OrderStatus.Confirmed, startOfToday.AddHours(-25), "LAMP", 4);
        await fixture.AddAsync(OrderStatus.Confirmed, startOfToday.AddMinutes(1), "LAMP", 8);

        var summary = await fixture.RunJobAsync(JobNames.DailySalesReport);

        summary.ShouldBe($"reported {Yesterday:yyyy-MM-dd}: 2 orders, net 30.00 EUR");
        var stored = await Reports(fixture).FindDailyAsync(Yesterday, TestContext.Current.CancellationToken);
        stored.ShouldNotBeNull();
        stored.Report.Orders.ShouldBe(2);
        stored.Report.Units.ShouldBe(3);
        stored.Report.Net.ShouldBe(30.00m);
        stored.Currency.ShouldBe("EUR");
        stored.GeneratedAt.ShouldBe(FulfilmentHarness.Now);
        fixture.Harness.PublishedSoFar<DailySalesReportReady>(_ => true).ShouldHaveSingleItem()
            .ShouldBe(new DailySalesReportReady(Yesterday, 2, 30.00m, "EUR"));
    }

    [Fact]
    public async Task A_recomputed_day_replaces_its_report_and_is_announced_again()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP");
        var startOfToday = new DateTimeOffset(FulfilmentHarness.Now.UtcDateTime.Date, TimeSpan.Zero);
        await fixture.AddAsync(OrderStatus.Confirmed, startOfToday.AddHours(-3), "LAMP", 1);
        await fixture.RunJobAsync(JobNames.DailySalesReport);

        await fixture.AddAsync(OrderStatus.Confirmed, startOfToday.AddHours(-2), "LAMP", 5);
        fixture.Time.Advance(TimeSpan.FromMinutes(10));
        await fixture.RunJobAsync(JobNames.DailySalesReport);

        var stored = await Reports(fixture).FindDailyAsync(Yesterday, TestContext.Current.CancellationToken);
        stored!.Report.Orders.ShouldBe(2);
        stored.Report.Net.ShouldBe(60.00m);
        stored.GeneratedAt.ShouldBe(FulfilmentHarness.Now.AddMinutes(10));
        fixture.Harness.PublishedSoFar<DailySalesReportReady>(_ => true).Select(ready => ready.Orders).ShouldBe([1, 2]);
    }

    private static IReportStore Reports(FulfilmentHarness fixture) => fixture.Services.GetRequiredService<IReportStore>();
}
