using Backend.Contracts.Orders;
using Backend.Contracts.Shipping;
using Backend.Domain.Catalog;
using Backend.Domain.Orders;
using Backend.Fulfilment.Orders;
using Backend.Messaging;
using Backend.Validation;
using Backend.Validation.Shipping;

using MassTransit;

using Microsoft.Extensions.Logging;

namespace Backend.Fulfilment.Shipping;

/// <summary>
/// Ships a confirmed order: its units leave on-hand and reserved, and the payment is captured. A shipment the order
/// cannot take (it is no longer confirmed, or shipped with another parcel) is a conflict: kept on the order and its
/// timeline, announced as <see cref="OrderShipmentConflict"/> and counted, never dropped.
/// </summary>
public sealed class ShipmentDispatchedConsumer(
    IOrderStore orders,
    IProductStore products,
    OrderWorkflow workflow,
    OrderMetrics metrics,
    TimeProvider time,
    ILogger<ShipmentDispatchedConsumer> logger) : IConsumer<ShipmentDispatched>
{
    public async Task Consume(ConsumeContext<ShipmentDispatched> context)
    {
        var message = context.Message;
        var errors = new ValidationErrors();
        if (!ShipmentDispatchedValidator.Validate(message, errors))
        {
            throw InvalidMessages.From(errors);
        }

        var shipment = new Shipment(message.Carrier, message.TrackingNumber);
        var cancellationToken = context.CancellationToken;

        // The order may still be on its way (its submit queued behind): retry, then the error queue says why.
        var order = await orders.FindAsync(message.OrderId, cancellationToken)
            ?? throw new MissingReferenceException($"Order {message.OrderId} does not exist.");

        if (order.Status == OrderStatus.Confirmed)
        {
            await workflow.CompleteAsync(order, order.Ship(shipment, time.GetUtcNow()), context, cancellationToken);
        }
        else if (order.Status == OrderStatus.Shipped && order.Shipment == shipment)
        {
            await workflow.RepeatOutcomeAsync(order, context, cancellationToken);
        }
        else
        {
            await RecordConflictAsync(order, shipment, context);
        }
    }

    private async Task RecordConflictAsync(Order order, Shipment shipment, ConsumeContext context)
    {
        var cancellationToken = context.CancellationToken;
        var unitsShort = 0;
        if (order.Status is OrderStatus.Cancelled or OrderStatus.Expired or OrderStatus.Rejected)
        {
            // The goods left although the order had ended: its hold is released first (if a crash kept it), then its
            // units come off on-hand, so stock that is gone is never sold again. The voided payment stays voided.
            order = await workflow.SettleAsync(order, cancellationToken);
            unitsShort = await products.WriteOffReleasedAsync(order.Id, cancellationToken);
        }

        // A second parcel for a shipped order, or a shipment of one not confirmed yet, changes no stock: which units
        // left is for an operator to find out.
        var recorded = order.RecordConflict(shipment, unitsShort, time.GetUtcNow());
        if (recorded.Version != order.Version)
        {
            if (!await orders.TryUpdateAsync(recorded, order.Version, cancellationToken))
            {
                throw new OrderConcurrencyException(order.Id, order.Version);
            }

            var conflict = recorded.Conflicts[^1];
            metrics.ShipmentConflict(conflict);
            Log.ShipmentConflict(logger, order.Id, shipment.Carrier, shipment.TrackingNumber, conflict.Status, conflict.UnitsShort);
        }

        var stored = recorded.Conflicts.Single(conflict => conflict.Shipment == shipment);
        await context.Publish(
            new OrderShipmentConflict(
                order.Id, order.CustomerId, stored.Status.ToString(), shipment.Carrier, shipment.TrackingNumber, stored.UnitsShort, stored.At),
            cancellationToken);
    }
}

public sealed class ShipmentDispatchedConsumerDefinition : ConsumerDefinition<ShipmentDispatchedConsumer>
{
    public ShipmentDispatchedConsumerDefinition() => EndpointName = QueueNames.ShipmentDispatched;
}
