using System.Net;
using System.Text.Json;

using Backend.Api.Tests.Infrastructure;
using Backend.Domain.Reports;

using Microsoft.Extensions.DependencyInjection;

namespace Backend.Api.Tests.Reports;

[Collection(ApiCollection.Name)]
public sealed class DailyReportTests(ApiFactory factory)
{
    private readonly HttpClient _operator = factory.CreateClient(TestKeys.Operator);

    [Fact]
    public async Task Report_sums_the_orders_confirmed_that_utc_day()
    {
        // A day no other test writes to, since the tests share one store.
        var noon = new DateTimeOffset(2031, 3, 5, 12, 0, 0, TimeSpan.Zero);
        await factory.StoreAsync(StoredOrders.Confirmed(TestKeys.CustomerA, noon, "REPORT-A", 3, 10m));
        await factory.StoreAsync(StoredOrders.Confirmed(TestKeys.CustomerB, noon.AddHours(11), "REPORT-B", 1, 99.99m));
        await factory.StoreAsync(StoredOrders.Confirmed(TestKeys.CustomerB, noon.AddHours(12), "REPORT-B", 5, 1m));

        using var response = await _operator.GetAsync("/api/reports/daily/2031-03-05", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = await response.ReadJsonAsync();
        report.GetProperty("date").GetString().ShouldBe("2031-03-05");
        report.GetProperty("orders").GetInt32().ShouldBe(2);
        report.GetProperty("units").GetInt32().ShouldBe(4);
        report.GetProperty("gross").GetDecimal().ShouldBe(129.99m);
        report.GetProperty("net").GetDecimal().ShouldBe(129.99m);
        var top = report.GetProperty("topSkus");
        top[0].GetProperty("sku").GetString().ShouldBe("REPORT-A");
        top[1].GetProperty("sku").GetString().ShouldBe("REPORT-B");
    }

    [Fact]
    public async Task A_past_day_the_daily_job_reported_is_served_as_stored_and_one_it_did_not_is_computed()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        // Past days no other test writes to. The stored report differs from the orders on purpose: it is what is served.
        var reported = new DateOnly(2021, 6, 1);
        var noon = new DateTimeOffset(2021, 6, 1, 12, 0, 0, TimeSpan.Zero);
        await factory.StoreAsync(StoredOrders.Confirmed(TestKeys.CustomerA, noon, "REPORT-C", 1, 10m));
        await factory.StoreAsync(StoredOrders.Confirmed(TestKeys.CustomerA, noon.AddDays(1), "REPORT-C", 2, 10m));
        var generatedAt = new DateTimeOffset(2021, 6, 2, 0, 5, 0, TimeSpan.Zero);
        await factory.Services.GetRequiredService<IReportStore>().SaveDailyAsync(
            new StoredDailySalesReport(new DailySalesReport(reported, 7, 7, 70m, 0m, 0m, 70m, []), "EUR", generatedAt), cancellationToken);

        var stored = await (await _operator.GetAsync("/api/reports/daily/2021-06-01", cancellationToken)).ReadJsonAsync();
        stored.GetProperty("orders").GetInt32().ShouldBe(7);
        stored.GetProperty("currency").GetString().ShouldBe("EUR");
        stored.GetProperty("generatedAt").GetDateTimeOffset().ShouldBe(generatedAt);
        stored.GetProperty("stored").GetBoolean().ShouldBeTrue();

        var computed = await (await _operator.GetAsync("/api/reports/daily/2021-06-02", cancellationToken)).ReadJsonAsync();
        computed.GetProperty("orders").GetInt32().ShouldBe(1);
        computed.GetProperty("units").GetInt32().ShouldBe(2);
        computed.GetProperty("currency").ValueKind.ShouldBe(JsonValueKind.Null);
        computed.GetProperty("stored").GetBoolean().ShouldBeFalse();
    }

    [Theory]
    [InlineData("05-03-2031")]
    [InlineData("2031-02-30")]
    [InlineData("9999-12-31")]
    public async Task Validation_problem_when_the_date_is_not_a_reportable_day(string date)
    {
        using var response = await _operator.GetAsync($"/api/reports/daily/{date}", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("date").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Forbidden_when_a_client_asks()
    {
        using var client = factory.CreateClient(TestKeys.ClientA);

        using var response = await client.GetAsync("/api/reports/daily/2031-03-05", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
