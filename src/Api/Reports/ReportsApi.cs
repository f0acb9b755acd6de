using System.Globalization;

using Backend.Api.Auth;
using Backend.Api.OpenApi;
using Backend.Domain.Orders;
using Backend.Domain.Reports;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Backend.Api.Reports;

/// <summary>
/// A day's sales. <c>Stored</c> is true for the report the daily job stored, with the <c>Currency</c> it reported in
/// and when it did (<c>GeneratedAt</c>); false for a report computed for this request, which has no currency.
/// </summary>
public sealed record DailyReportView(
    DateOnly Date,
    int Orders,
    int Units,
    decimal Gross,
    decimal Discounts,
    decimal Tax,
    decimal Net,
    IReadOnlyList<SkuSales> TopSkus,
    string? Currency,
    DateTimeOffset GeneratedAt,
    bool Stored)
{
    public static DailyReportView From(DailySalesReport report, string? currency, DateTimeOffset generatedAt, bool stored) => new(
        report.Date, report.Orders, report.Units, report.Gross, report.Discounts, report.Tax, report.Net, report.TopSkus, currency, generatedAt, stored);
}

public static class ReportsApi
{
    public const string DateFormat = "yyyy-MM-dd";

    public static RouteGroupBuilder MapReports(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/reports")
            .WithTags("Reports")
            .RequireAuthorization(ApiPolicies.Operator);

        group.MapGet("/daily/{date}", GetDailyReportAsync).WithName("GetDailySalesReport");
        return group;
    }

    /// <summary>
    /// The report the daily job stored for a past day; for today, or a day it has not reported, the day's sales
    /// computed now from the stored orders.
    /// </summary>
    public static async Task<Results<Ok<DailyReportView>, ValidationProblem>> GetDailyReportAsync(
        [ParsedAs(typeof(DateOnly))] string date, IOrderStore orders, IReportStore reports, TimeProvider time, CancellationToken cancellationToken)
    {
        // The last representable day has no end to compute; no sales can fall on it anyway.
        if (!DateOnly.TryParseExact(date, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ||
            day == DateOnly.MaxValue)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["date"] = [$"'{date}' is not a date of the form {DateFormat}."],
            });
        }

        var now = time.GetUtcNow();
        if (day < DateOnly.FromDateTime(now.UtcDateTime) && await reports.FindDailyAsync(day, cancellationToken) is { } stored)
        {
            return TypedResults.Ok(DailyReportView.From(stored.Report, stored.Currency, stored.GeneratedAt, stored: true));
        }

        var (from, to) = DailySalesReport.DayBounds(day);
        var confirmed = await orders.FindConfirmedBetweenAsync(from, to, cancellationToken);
        return TypedResults.Ok(DailyReportView.From(DailySalesReport.Build(day, confirmed), currency: null, now, stored: false));
    }
}
