using Backend.Contracts.Orders;
using Backend.Domain.Orders;
using Backend.Messaging;

using MassTransit;

namespace Backend.Fulfilment.Orders;

/// <summary>Expires an order that was not confirmed in time, releasing whatever it holds.</summary>
public sealed class ExpireOrderConsumer(OrderCommandHandler handler) : IConsumer<ExpireOrder>
{
    // Expiry is the scheduler's guess: an order confirmed or ended meanwhile simply stays as it is.
    private static readonly CommandRules Rules = new(RequireOrder: false, RejectConflicts: false);

    public Task Consume(ConsumeContext<ExpireOrder> context) =>
        handler.HandleAsync(context, context.Message.OrderId, OrderStatus.Expired, (order, at) => order.Expire(at), Rules);
}

public sealed class ExpireOrderConsumerDefinition : ConsumerDefinition<ExpireOrderConsumer>
{
    public ExpireOrderConsumerDefinition() => EndpointName = QueueNames.ExpireOrder;
}
