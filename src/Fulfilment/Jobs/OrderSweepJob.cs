using Backend.Domain.Orders;

using MassTransit;

using Microsoft.Extensions.Logging;

namespace Backend.Fulfilment.Jobs;

/// <summary>
/// The shape of the order jobs: find the orders that are due and send each one command. The rules stay in the
/// consumers, so a command sent twice, or for an order that moved on meanwhile, changes nothing.
/// </summary>
public abstract class OrderSweepJob(IBus bus, ILogger logger) : IRecurringJob
{
    protected static readonly OrderStatus[] InProgress = [OrderStatus.Accepted, OrderStatus.Reserved];

    public async Task<string> RunAsync(JobOccurrence occurrence, CancellationToken cancellationToken)
    {
        var due = await FindDueAsync(cancellationToken);
        foreach (var order in due)
        {
            await bus.Publish(CommandFor(order), cancellationToken);
        }

        if (due.Count > 0)
        {
            Log.OrdersSwept(logger, occurrence.Job, due.Count);
        }

        return Summary(due.Count);
    }

    protected abstract string Summary(int orders);

    protected abstract Task<IReadOnlyList<Order>> FindDueAsync(CancellationToken cancellationToken);

    protected abstract object CommandFor(Order order);
}
