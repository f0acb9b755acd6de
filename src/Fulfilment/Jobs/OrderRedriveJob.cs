using Backend.Domain.Orders;
using Backend.Messaging.Orders;

using MassTransit;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Quartz;

namespace Backend.Fulfilment.Jobs;

/// <summary>
/// Re-sends <c>SubmitOrder</c> for orders stuck in Accepted or Reserved, so a lost publish, a broker outage or a
/// crashed worker delays an order and never loses it. Processing is idempotent, so a re-send is always safe.
/// </summary>
[DisallowConcurrentExecution]
public sealed class OrderRedriveJob(IOrderStore orders, IBus bus, TimeProvider time, IOptions<JobsOptions> options, ILogger<OrderRedriveJob> logger)
    : IJob
{
    public static readonly JobKey Key = new("order-redrive");

    private static readonly OrderStatus[] InProgress = [OrderStatus.Accepted, OrderStatus.Reserved];

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var activity = JobTelemetry.Source.StartActivity("job order-redrive");
        var settings = options.Value;
        var stale = await orders.FindStaleAsync(
            InProgress, time.GetUtcNow() - settings.RedriveAfter, settings.BatchSize, cancellationToken);

        foreach (var order in stale)
        {
            await bus.Publish(SubmitOrderMapping.ToSubmitOrder(order), cancellationToken);
        }

        activity?.SetTag("backend.orders.redriven", stale.Count);
        if (stale.Count > 0)
        {
            Log.OrdersRedriven(logger, stale.Count);
        }
    }
}
