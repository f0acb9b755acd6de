using Backend.Domain.Orders;

namespace Backend.Api.Tests.Infrastructure;

/// <summary>Orders written straight through the store, in any state, as the workers would leave them.</summary>
public static class StoredOrders
{
    public static Order Accepted(string customerId, DateTimeOffset? at = null) => Order.Accept(
        Guid.CreateVersion7(),
        customerId,
        [new OrderLine("SKU-1", 2)],
        "tok_visa",
        new ShipTo("US"),
        at ?? DateTimeOffset.UtcNow);

    public static Order Rejected(string customerId, DateTimeOffset? at = null)
    {
        var order = Accepted(customerId, at);
        return order.Reject("OutOfStock", "SKU-1", order.AcceptedAt.AddSeconds(1));
    }

    public static async Task<Order> StoreAsync(this ApiFactory factory, Order order)
    {
        (await factory.Orders.TryAddAsync(order, TestContext.Current.CancellationToken)).ShouldBe(AddOrderOutcome.Added);
        return order;
    }
}