using Backend.Contracts.Reports;
using Backend.Domain.Orders;
using Backend.Domain.Reports;
using Backend.Fulfilment.Pricing;

using MassTransit;

using Microsoft.Extensions.Options;

namespace Backend.Fulfilment.Jobs;

/// <summary>
/// Builds the report of the UTC day before the occurrence's fire time, stores it (replacing an earlier one of that
/// day) and announces it. A catch-up or manual run reports the day before its own fire time.
/// </summary>
public sealed class DailySalesReportJob(
    IOrderStore orders, IReportStore reports, IBus bus, IOptions<PricingOptions> pricing, TimeProvider time) : IRecurringJob
{
    public async Task<string> RunAsync(JobOccurrence occurrence, CancellationToken cancellationToken)
    {
        var day = DateOnly.FromDateTime(occurrence.FireTime.UtcDateTime).AddDays(-1);
        var (from, to) = DailySalesReport.DayBounds(day);
        var report = DailySalesReport.Build(day, await orders.FindConfirmedBetweenAsync(from, to, cancellationToken));
        var currency = pricing.Value.Currency;

        await reports.SaveDailyAsync(new StoredDailySalesReport(report, currency, time.GetUtcNow()), cancellationToken);
        await bus.Publish(new DailySalesReportReady(day, report.Orders, report.Net, currency), cancellationToken);
        return $"reported {day:yyyy-MM-dd}: {report.Orders} orders, net {report.Net} {currency}";
    }
}
