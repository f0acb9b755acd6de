using Backend.Domain.Orders;

using MassTransit;

using Microsoft.Extensions.Logging;

using Quartz;

namespace Backend.Fulfilment.Jobs;

/// <summary>
/// The shape of the order jobs: find the orders that are due and send each one command. The rules stay in the
/// consumers, so a command sent twice, or for an order that moved on meanwhile, changes nothing.
/// </summary>
[DisallowConcurrentExecution]
public abstract class OrderSweepJob(IBus bus, ILogger logger) : IJob
{
    protected static readonly OrderStatus[] InProgress = [OrderStatus.Accepted, OrderStatus.Reserved];

    protected abstract JobKey JobKey { get; }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var activity = JobTelemetry.Source.StartActivity($"job {JobKey.Name}");
        var due = await FindDueAsync(cancellationToken);
        foreach (var order in due)
        {
            await bus.Publish(CommandFor(order), cancellationToken);
        }

        activity?.SetTag("backend.job.orders", due.Count);
        if (due.Count > 0)
        {
            Log.OrdersSwept(logger, JobKey.Name, due.Count);
        }
    }

    protected abstract Task<IReadOnlyList<Order>> FindDueAsync(CancellationToken cancellationToken);

    protected abstract object CommandFor(Order order);
}
