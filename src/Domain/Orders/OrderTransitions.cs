namespace Backend.Domain.Orders;

/// <summary>The order state machine: which status may follow which.</summary>
public static class OrderTransitions
{
    public static bool IsAllowed(OrderStatus from, OrderStatus to) => (from, to) switch
    {
        (OrderStatus.Accepted, OrderStatus.Reserved) => true,
        (OrderStatus.Reserved, OrderStatus.Confirmed) => true,
        (OrderStatus.Confirmed, OrderStatus.Shipped) => true,
        (OrderStatus.Accepted or OrderStatus.Reserved, OrderStatus.Rejected) => true,
        (OrderStatus.Accepted or OrderStatus.Reserved, OrderStatus.Expired) => true,
        (OrderStatus.Accepted or OrderStatus.Reserved or OrderStatus.Confirmed, OrderStatus.Cancelled) => true,
        _ => false,
    };
}
