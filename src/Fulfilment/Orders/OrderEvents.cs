using Backend.Contracts.Orders;
using Backend.Domain.Orders;

namespace Backend.Fulfilment.Orders;

/// <summary>The event each outcome publishes, built from the order as stored.</summary>
public static class OrderEvents
{
    public static object For(Order order) => order.Status switch
    {
        OrderStatus.Confirmed => new OrderConfirmed(order.Id, order.CustomerId, order.Totals!.Total, order.Totals.Currency, order.UpdatedAt),
        OrderStatus.Rejected => new OrderRejected(order.Id, order.CustomerId, order.Reason!, order.ReasonDetail, order.UpdatedAt),
        OrderStatus.Cancelled => new OrderCancelled(order.Id, order.CustomerId, order.UpdatedAt),
        OrderStatus.Expired => new OrderExpired(order.Id, order.CustomerId, order.UpdatedAt),
        OrderStatus.Shipped => new OrderShipped(order.Id, order.CustomerId, order.Shipment!.Carrier, order.Shipment.TrackingNumber, order.UpdatedAt),
        _ => throw new InvalidOperationException($"Order {order.Id} in {order.Status} announces nothing."),
    };
}
