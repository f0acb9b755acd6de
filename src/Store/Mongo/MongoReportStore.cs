using System.Globalization;

using Backend.Domain.Reports;

using MongoDB.Driver;

namespace Backend.Store.Mongo;

internal sealed class MongoReportStore(MongoStoreContext context) : IReportStore
{
    private const string DateFormat = "yyyy-MM-dd";

    public Task SaveDailyAsync(StoredDailySalesReport report, CancellationToken cancellationToken) =>
        context.RunAsync("save_daily_report", () => context.DailyReports.ReplaceOneAsync(
            Builders<DailyReportDocument>.Filter.Eq(d => d.Date, Key(report.Report.Date)),
            ToDocument(report),
            new ReplaceOptions { IsUpsert = true },
            cancellationToken), cancellationToken);

    public Task<StoredDailySalesReport?> FindDailyAsync(DateOnly date, CancellationToken cancellationToken) =>
        context.RunAsync("find_daily_report", async () =>
        {
            var document = await context.DailyReports
                .Find(Builders<DailyReportDocument>.Filter.Eq(d => d.Date, Key(date)))
                .FirstOrDefaultAsync(cancellationToken);
            return document is null ? null : ToDomain(document);
        }, cancellationToken);

    private static string Key(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static DailyReportDocument ToDocument(StoredDailySalesReport stored)
    {
        var report = stored.Report;
        return new DailyReportDocument
        {
            Date = Key(report.Date),
            Currency = stored.Currency,
            GeneratedAt = MongoMapping.Date(stored.GeneratedAt),
            Orders = report.Orders,
            Units = report.Units,
            Gross = report.Gross,
            Discounts = report.Discounts,
            Tax = report.Tax,
            Net = report.Net,
            TopSkus = [.. report.TopSkus.Select(sku => new SkuSalesDocument { Sku = sku.Sku, Units = sku.Units, Gross = sku.Gross })],
        };
    }

    private static StoredDailySalesReport ToDomain(DailyReportDocument document) => new(
        new DailySalesReport(
            DateOnly.ParseExact(document.Date, DateFormat, CultureInfo.InvariantCulture),
            document.Orders,
            document.Units,
            document.Gross,
            document.Discounts,
            document.Tax,
            document.Net,
            [.. document.TopSkus.Select(sku => new SkuSales(sku.Sku, sku.Units, sku.Gross))]),
        document.Currency,
        MongoMapping.Instant(document.GeneratedAt));
}
