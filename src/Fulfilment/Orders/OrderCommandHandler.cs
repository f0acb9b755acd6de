using Backend.Domain.Orders;
using Backend.Messaging;

using MassTransit;

using Microsoft.Extensions.Logging;

namespace Backend.Fulfilment.Orders;

/// <summary>How a command treats an order that is missing.</summary>
/// <param name="RequireOrder">A missing order is retried, then errored; otherwise the command is dropped as moot.</param>
public sealed record CommandRules(bool RequireOrder);

/// <summary>
/// The shared shape of the commands that end an order from outside the processing steps (cancel, expire): load it,
/// apply the transition if the state allows, repeat the outcome if it is there already, otherwise log that the
/// command lost its race (to a shipment, say) and changes nothing.
/// </summary>
public sealed class OrderCommandHandler(IOrderStore orders, OrderWorkflow workflow, TimeProvider time, ILogger<OrderCommandHandler> logger)
{
    public async Task HandleAsync(
        ConsumeContext context, Guid orderId, OrderStatus target, Func<Order, DateTimeOffset, Order> transition, CommandRules rules)
    {
        var order = await orders.FindAsync(orderId, context.CancellationToken);
        if (order is null)
        {
            if (rules.RequireOrder)
            {
                // The order may still be on its way (its submit queued behind): retry, then the error queue says why.
                throw new MissingReferenceException($"Order {orderId} does not exist.");
            }

            return;
        }

        if (order.Status == target)
        {
            await workflow.RepeatOutcomeAsync(order, context, context.CancellationToken);
            return;
        }

        if (!order.CanMoveTo(target))
        {
            Log.StepIgnored(logger, target.ToString(), order.Id, order.Status);
            return;
        }

        await workflow.CompleteAsync(order, transition(order, time.GetUtcNow()), context, context.CancellationToken);
    }
}
