namespace Backend.Fulfilment.Orders;

/// <summary>Another writer changed the order first; the message is retried against the order as it is now.</summary>
public sealed class OrderConcurrencyException(Guid orderId, long expectedVersion)
    : Exception($"Order {orderId} changed since version {expectedVersion}; retrying on the current state.");
