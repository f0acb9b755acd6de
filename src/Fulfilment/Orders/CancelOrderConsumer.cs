using Backend.Contracts.Orders;
using Backend.Domain.Orders;
using Backend.Messaging;
using Backend.Validation;
using Backend.Validation.Orders;

using MassTransit;

namespace Backend.Fulfilment.Orders;

/// <summary>Cancels an order that has not shipped: stock is released and the authorization voided.</summary>
public sealed class CancelOrderConsumer(OrderCommandHandler handler) : IConsumer<CancelOrder>
{
    // A cancel names an order its sender saw: a missing one may still be on its way, so it is retried.
    private static readonly CommandRules Rules = new(RequireOrder: true);

    public Task Consume(ConsumeContext<CancelOrder> context)
    {
        var message = context.Message;
        var errors = new ValidationErrors();
        if (!CancelOrderValidator.Validate(message, errors))
        {
            throw InvalidMessages.From(errors);
        }

        return handler.HandleAsync(
            context, message.OrderId, OrderStatus.Cancelled, (order, at) => order.Cancel(message.RequestedBy, at), Rules);
    }
}

public sealed class CancelOrderConsumerDefinition : ConsumerDefinition<CancelOrderConsumer>
{
    public CancelOrderConsumerDefinition() => EndpointName = QueueNames.CancelOrder;
}
