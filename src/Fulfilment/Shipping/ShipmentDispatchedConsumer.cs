using Backend.Contracts.Shipping;
using Backend.Domain.Orders;
using Backend.Fulfilment.Orders;
using Backend.Messaging;
using Backend.Validation;
using Backend.Validation.Shipping;

using MassTransit;

namespace Backend.Fulfilment.Shipping;

/// <summary>Ships a confirmed order: its units leave on-hand and reserved, and the payment is captured.</summary>
public sealed class ShipmentDispatchedConsumer(OrderCommandHandler handler) : IConsumer<ShipmentDispatched>
{
    // Shipping a cancelled or unconfirmed order is a warehouse mistake an operator must see.
    private static readonly CommandRules Rules = new(RequireOrder: true, RejectConflicts: true);

    public Task Consume(ConsumeContext<ShipmentDispatched> context)
    {
        var message = context.Message;
        var errors = new ValidationErrors();
        if (!ShipmentDispatchedValidator.Validate(message, errors))
        {
            throw InvalidMessages.From(errors);
        }

        var shipment = new Shipment(message.Carrier, message.TrackingNumber);
        return handler.HandleAsync(context, message.OrderId, OrderStatus.Shipped, (order, at) => order.Ship(shipment, at), Rules);
    }
}

public sealed class ShipmentDispatchedConsumerDefinition : ConsumerDefinition<ShipmentDispatchedConsumer>
{
    public ShipmentDispatchedConsumerDefinition() => EndpointName = QueueNames.ShipmentDispatched;
}
