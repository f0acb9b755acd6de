using Backend.Contracts.Orders;

namespace Backend.Fulfilment.Tests.Infrastructure;

/// <summary>Commands as other systems send them; every call gets a fresh order id.</summary>
public static class Messages
{
    public const string Customer = "customer-1";
    public const string ApprovingToken = "tok_visa";

    public static SubmitOrder Submit(
        string sku, int quantity, string token = ApprovingToken, string country = "US", string customer = Customer) =>
        Submit([new OrderLineItem(sku, quantity)], token, country, customer);

    public static SubmitOrder Submit(
        IReadOnlyList<OrderLineItem> lines, string token = ApprovingToken, string country = "US", string customer = Customer) =>
        new(Guid.CreateVersion7(), customer, lines, token, new ShippingAddress(country, "Ada", "1 Main St", "Town", "12345"));
}
