using Backend.Contracts.Orders;
using Backend.Domain.Orders;

using MassTransit;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Quartz;

namespace Backend.Fulfilment.Jobs;

/// <summary>Finds orders not confirmed in time and sends each an <see cref="ExpireOrder"/>; the consumer decides.</summary>
[DisallowConcurrentExecution]
public sealed class OrderExpiryJob(IOrderStore orders, IBus bus, TimeProvider time, IOptions<JobsOptions> options, ILogger<OrderExpiryJob> logger)
    : IJob
{
    public static readonly JobKey Key = new("order-expiry");

    private static readonly OrderStatus[] InProgress = [OrderStatus.Accepted, OrderStatus.Reserved];

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var activity = JobTelemetry.Source.StartActivity("job order-expiry");
        var settings = options.Value;
        var overdue = await orders.FindAcceptedBeforeAsync(
            InProgress, time.GetUtcNow() - settings.ExpireAfter, settings.BatchSize, cancellationToken);

        foreach (var order in overdue)
        {
            await bus.Publish(new ExpireOrder(order.Id), cancellationToken);
        }

        activity?.SetTag("backend.orders.expiring", overdue.Count);
        if (overdue.Count > 0)
        {
            Log.OrdersExpiring(logger, overdue.Count);
        }
    }
}
