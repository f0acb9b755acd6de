using Backend.Domain.Orders;
using Backend.Validation.Orders;

using MassTransit;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Quartz;

namespace Backend.Fulfilment.Jobs;

/// <summary>
/// Re-sends <c>SubmitOrder</c> for orders stuck in Accepted or Reserved, so a lost publish, a broker outage or a
/// crashed worker delays an order and never loses it. Processing is idempotent, so a re-send is always safe.
/// </summary>
public sealed class OrderRedriveJob(
    IOrderStore orders, RedriveLedger ledger, IBus bus, TimeProvider time, IOptions<JobsOptions> options, ILogger<OrderRedriveJob> logger)
    : OrderSweepJob(bus, logger)
{
    public static readonly JobKey Key = new("order-redrive");

    protected override JobKey JobKey => Key;

    protected override async Task<IReadOnlyList<Order>> FindDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        var stale = await orders.FindStaleAsync(InProgress, now - settings.RedriveAfter, settings.BatchSize, cancellationToken);
        var due = ledger.TakeDue([.. stale.Select(order => order.Id)], now, settings.RedriveAfter);
        return [.. stale.Where(order => due.Contains(order.Id))];
    }

    protected override object CommandFor(Order order) => SubmitOrderMapping.ToSubmitOrder(order);
}
