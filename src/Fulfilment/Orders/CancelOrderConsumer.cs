using Backend.Contracts.Orders;
using Backend.Domain.Orders;
using Backend.Messaging;

using MassTransit;

namespace Backend.Fulfilment.Orders;

/// <summary>Cancels an order that has not shipped: stock is released and the authorization voided.</summary>
public sealed class CancelOrderConsumer(OrderCommandHandler handler) : IConsumer<CancelOrder>
{
    // A cancel names an order its sender saw: a missing one may still be on its way, so it is retried.
    private static readonly CommandRules Rules = new(RequireOrder: true);

    public Task Consume(ConsumeContext<CancelOrder> context)
    {
        var requestedBy = MessageValidation.RequireText(context.Message.RequestedBy, nameof(CancelOrder.RequestedBy));
        return handler.HandleAsync(
            context, context.Message.OrderId, OrderStatus.Cancelled, (order, at) => order.Cancel(requestedBy, at), Rules);
    }
}

public sealed class CancelOrderConsumerDefinition : ConsumerDefinition<CancelOrderConsumer>
{
    public CancelOrderConsumerDefinition() => EndpointName = QueueNames.CancelOrder;
}
