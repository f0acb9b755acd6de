using Backend.Domain.Orders;
using Backend.Domain.Pricing;

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

    public static Order Confirmed(string customerId, DateTimeOffset at, string sku = "SKU-1", int quantity = 2, decimal unitPrice = 10m)
    {
        var subtotal = unitPrice * quantity;
        var quote = new PriceQuote([new OrderLine(sku, quantity, unitPrice, subtotal)], new OrderTotals(subtotal, 0m, 0m, subtotal, "USD"));
        return Order.Accept(Guid.CreateVersion7(), customerId, [new OrderLine(sku, quantity)], "tok_visa", new ShipTo("US"), at)
            .Reserve(quote, at)
            .Confirm("auth", at);
    }

    public static async Task<Order> StoreAsync(this ApiFactory factory, Order order)
    {
        (await factory.Orders.TryAddAsync(order, TestContext.Current.CancellationToken)).ShouldBe(AddOrderOutcome.Added);
        return order;
    }
}
