using Backend.Domain.Orders;
using Backend.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Backend.Fulfilment.Orders;

/// <summary>
/// The shared shape of the commands that end an order from outside the processing steps (cancel, expire, ship):
/// load it, apply the transition if the state allows, otherwise repeat the settlement of where it stands.
/// </summary>
public sealed class OrderCommandHandler(IOrderStore orders, OrderWorkflow workflow, TimeProvider time, ILogger<OrderCommandHandler> logger)
{
    public async Task HandleAsync(
        ConsumeContext context,
        Guid orderId,
        OrderStatus target,
        Func<Order, DateTimeOffset, Order> transition,
        bool unknownIsInvalid,
        bool conflictIsInvalid = false)
    {
        MessageValidation.RequireId(orderId, "OrderId");
        var order = await orders.FindAsync(orderId, context.CancellationToken);
        if (order is null)
        {
            MessageValidation.Require(!unknownIsInvalid, $"Order {orderId} does not exist.");
            return;
        }

        if (!order.CanMoveTo(target))
        {
            MessageValidation.Require(order.Status == target || !conflictIsInvalid,
                $"Order {order.Id} is {order.Status} and cannot become {target}.");

            // Already there (a redelivery) or past the point of no return: settle again, idempotently, and stop.
            Log.StepIgnored(logger, target.ToString(), order.Id, order.Status);
            await workflow.SettleAsync(order, context, context.CancellationToken);
            return;
        }

        await workflow.CompleteAsync(order, transition(order, time.GetUtcNow()), context, context.CancellationToken);
    }
}
