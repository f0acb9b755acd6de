using Backend.Domain.Catalog;
using Backend.Domain.Orders;
using Backend.Domain.Pricing;

namespace Backend.Fulfilment.Tests.Infrastructure;

/// <summary>Orders written straight to the store, as an ingress or an interrupted worker left them.</summary>
public static class StoredOrders
{
    public static async Task<Order> AddAsync(
        this FulfilmentHarness fixture, OrderStatus status, DateTimeOffset acceptedAt, string sku, int quantity = 1,
        DateTimeOffset? updatedAt = null, bool holdsStock = true)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var at = updatedAt ?? acceptedAt;
        var accepted = Order.Accept(
            Guid.CreateVersion7(), Messages.Customer, [new OrderLine(sku, quantity)], Messages.ApprovingToken, new ShipTo("US"), acceptedAt);
        var order = status switch
        {
            OrderStatus.Accepted => accepted,
            OrderStatus.Reserved => Reserve(accepted, at),
            OrderStatus.Confirmed => Reserve(accepted, at).Confirm("auth_stored", at),
            OrderStatus.Rejected => accepted.Reject(RejectionReason.OutOfStock, sku, at),
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a state these tests store."),
        };

        (await fixture.Orders.TryAddAsync(order, cancellationToken)).ShouldBe(AddOrderOutcome.Added);
        if (holdsStock && status is OrderStatus.Accepted or OrderStatus.Reserved or OrderStatus.Confirmed)
        {
            (await fixture.Products.ReserveAsync(order.Id, [new StockRequest(sku, quantity)], cancellationToken)).Succeeded.ShouldBeTrue();
        }

        return order;
    }

    private static Order Reserve(Order order, DateTimeOffset at)
    {
        var lines = order.Lines.Select(line => line with { UnitPrice = 10.00m, LineTotal = 10.00m * line.Quantity }).ToList();
        var total = lines.Sum(line => line.LineTotal!.Value);
        return order.Reserve(new PriceQuote(lines, new OrderTotals(total, 0m, 0m, total, "USD")), at);
    }
}
