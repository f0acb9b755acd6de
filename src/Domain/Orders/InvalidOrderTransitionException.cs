namespace Backend.Domain.Orders;

public sealed class InvalidOrderTransitionException(Guid orderId, OrderStatus from, OrderStatus to)
    : InvalidOperationException($"Order {orderId} cannot move from {from} to {to}.")
{
    public OrderStatus From { get; } = from;

    public OrderStatus To { get; } = to;
}
