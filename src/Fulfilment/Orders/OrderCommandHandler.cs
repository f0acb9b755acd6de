using Backend.Domain.Orders;
using Backend.Messaging;

using MassTransit;

using Microsoft.Extensions.Logging;

namespace Backend.Fulfilment.Orders;

/// <summary>How a command treats an order that is missing, or in a state the command cannot leave from.</summary>
/// <param name="RequireOrder">A missing order is retried, then errored; otherwise the command is dropped as moot.</param>
/// <param name="RejectConflicts">A state the command cannot leave from errors the message; otherwise it is logged and ignored.</param>
public sealed record CommandRules(bool RequireOrder, bool RejectConflicts);

/// <summary>
/// The shared shape of the commands that end an order from outside the processing steps (cancel, expire, ship):
/// load it, apply the transition if the state allows, otherwise repeat the settlement of where it stands.
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
            MessageValidation.Require(!rules.RejectConflicts, $"Order {order.Id} is {order.Status} and cannot become {target}.");
            Log.StepIgnored(logger, target.ToString(), order.Id, order.Status);
            return;
        }

        await workflow.CompleteAsync(order, transition(order, time.GetUtcNow()), context, context.CancellationToken);
    }
}
