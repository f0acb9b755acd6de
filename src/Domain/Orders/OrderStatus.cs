namespace Backend.Domain.Orders;

public enum OrderStatus
{
    Accepted,
    Reserved,
    Confirmed,
    Shipped,
    Rejected,
    Cancelled,
    Expired,
}

public static class OrderStatusExtensions
{
    /// <summary>Final states: nothing moves an order out of them.</summary>
    public static bool IsFinal(this OrderStatus status) =>
        status is OrderStatus.Shipped or OrderStatus.Rejected or OrderStatus.Cancelled or OrderStatus.Expired;

    /// <summary>States in which the workers still owe the order a step (pricing, reservation, payment).</summary>
    public static bool IsInProgress(this OrderStatus status) =>
        status is OrderStatus.Accepted or OrderStatus.Reserved;
}
