using System.ComponentModel.DataAnnotations;
using System.Diagnostics;

using Backend.Api.Auth;
using Backend.Domain.Audit;
using Backend.Domain.Catalog;
using Backend.Domain.Orders;
using Backend.Domain.Payments;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Backend.Api.Admin;

/// <summary>Section <c>Audit</c>: how long an order may legitimately sit where the audit looks for stuck ones.</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    /// <summary>
    /// A final order marked unsettled longer than this is a violation: two runs of the settlement sweep (every
    /// 15 s) after its SettleAfter (10 s), with room to spare.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SettlementWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>An order still in Accepted or Reserved longer than this is a violation: the expiry (15 min) plus one sweep.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan InProgressWindow { get; set; } = TimeSpan.FromMinutes(16);

    /// <summary>How many stuck orders one audit lists per rule at most.</summary>
    [Range(1, 100_000)]
    public int MaxListed { get; set; } = 1000;
}

public sealed record AuditView(
    DateTimeOffset CheckedAt, long DurationMs, int Products, int OpenOrders, int HeldReservations, IReadOnlyList<AuditViolation> Violations);

public static class AuditApi
{
    private static readonly OrderStatus[] Open = [OrderStatus.Reserved, OrderStatus.Confirmed];
    private static readonly OrderStatus[] InProgress = [OrderStatus.Accepted, OrderStatus.Reserved];

    public static RouteGroupBuilder MapAudit(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/admin")
            .WithTags("Admin")
            .RequireAuthorization(ApiPolicies.Operator);
        group.MapGet("/audit", AuditAsync).WithName("Audit");
        return group;
    }

    /// <summary>
    /// Checks the stock and order invariants over the stores as they are now. Reads only what can be wrong: the
    /// products, the held reservations, the open orders and the orders past their windows, each through an index,
    /// so its cost follows the stock in play, not the orders ever taken.
    /// </summary>
    public static async Task<Ok<AuditView>> AuditAsync(
        IOrderStore orders, IProductStore products, IPaymentLedger payments, TimeProvider clock, IOptions<AuditOptions> options,
        CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var open = await orders.FindAcceptedBeforeAsync(Open, DateTimeOffset.MaxValue, int.MaxValue, cancellationToken);
        var input = new AuditInput(
            now,
            await products.ListStockCountersAsync(cancellationToken),
            await products.ListHeldReservationsAsync(cancellationToken),
            open,
            await orders.FindSettlementPendingAsync(now - settings.SettlementWindow, settings.MaxListed, cancellationToken),
            await orders.FindAcceptedBeforeAsync(InProgress, now - settings.InProgressWindow, settings.MaxListed, cancellationToken),
            await payments.FindManyAsync([.. open.Select(order => order.Id)], cancellationToken));
        var report = ConsistencyAudit.Run(input);
        return TypedResults.Ok(new AuditView(
            report.CheckedAt, watch.ElapsedMilliseconds, report.Products, report.OpenOrders, report.HeldReservations, report.Violations));
    }
}
