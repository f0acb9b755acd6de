using Backend.Contracts.Orders;
using Backend.Domain.Orders;
using Backend.Messaging;

using MassTransit;

namespace Backend.Fulfilment.Orders;

/// <summary>Expires an order that was not confirmed in time, releasing whatever it holds.</summary>
public sealed class ExpireOrderConsumer(OrderCommandHandler handler) : IConsumer<ExpireOrder>
{
    // Expiry is the scheduler's own guess: for an order that is not stored there is nothing to expire.
    private static readonly CommandRules Rules = new(RequireOrder: false);

    public Task Consume(ConsumeContext<ExpireOrder> context) =>
        handler.HandleAsync(context, context.Message.OrderId, OrderStatus.Expired, (order, at) => order.Expire(at), Rules);
}

public sealed class ExpireOrderConsumerDefinition : ConsumerDefinition<ExpireOrderConsumer>
{
    public ExpireOrderConsumerDefinition() => EndpointName = QueueNames.ExpireOrder;
}
