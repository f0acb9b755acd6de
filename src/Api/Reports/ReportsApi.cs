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

    /// <summary>The day's sales, computed now from the stored orders, so it is exact for any date asked.</summary>
    public static async Task<Results<Ok<DailySalesReport>, ValidationProblem>> GetDailyReportAsync(
        [ParsedAs(typeof(DateOnly))] string date, IOrderStore orders, CancellationToken cancellationToken)
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

        var (from, to) = DailySalesReport.DayBounds(day);
        var confirmed = await orders.FindConfirmedBetweenAsync(from, to, cancellationToken);
        return TypedResults.Ok(DailySalesReport.Build(day, confirmed));
    }
}
