using Backend.Domain.Orders;
using Backend.Domain.Pricing;

namespace Backend.Store.Tests;

internal static class TestOrders
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static Order Accepted(
        string customerId = "customer-1", DateTimeOffset? at = null, string? idempotencyKey = null, Guid? id = null) =>
        Order.Accept(
            id ?? Guid.NewGuid(),
            customerId,
            [new OrderLine("SKU-1", 2), new OrderLine("SKU-2", 1)],
            "tok_visa",
            new ShipTo("US", "Ada Lovelace", "1 Main St", "Springfield", "12345"),
            at ?? T0,
            idempotencyKey is null ? null : new IdempotencyRecord(idempotencyKey, "fingerprint-" + idempotencyKey),
            "0af7651916cd43dd8448eb211c80319c");

    public static PriceQuote Quote(Order order) => new(
        [.. order.Lines.Select(line => line with { UnitPrice = 19.99m, LineTotal = 19.99m * line.Quantity })],
        new OrderTotals(59.97m, 0.00m, 4.80m, 64.77m, "USD"));

    /// <summary>Accepted at <paramref name="acceptedAt"/>, then reserved and confirmed at <paramref name="confirmedAt"/>.</summary>
    public static Order Confirmed(DateTimeOffset acceptedAt, DateTimeOffset confirmedAt, string customerId = "customer-1")
    {
        var order = Accepted(customerId, acceptedAt);
        return order.Reserve(Quote(order), confirmedAt).Confirm("auth-1", confirmedAt);
    }
}
