using Backend.Contracts.Orders;
using Backend.Domain.Orders;
using Backend.Fulfilment.Tests.Infrastructure;
using Backend.Messaging;

namespace Backend.Fulfilment.Tests.Orders;

public sealed class CancelOrderTests
{
    [Fact]
    public async Task Cancelled_and_stock_released_when_order_is_confirmed()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 10);
        var orderId = await fixture.SubmitConfirmedAsync("LAMP", 4);
        fixture.Time.Advance(TimeSpan.FromMinutes(3));

        await fixture.Harness.Bus.Publish(new CancelOrder(orderId, "operator-7"));

        var cancelled = await fixture.Harness.PublishedAsync<OrderCancelled>(message => message.OrderId == orderId);
        cancelled.At.ShouldBe(FulfilmentHarness.Now.AddMinutes(3));
        var order = await fixture.OrderAsync(orderId);
        order.Status.ShouldBe(OrderStatus.Cancelled);
        order.Timeline[^1].ShouldBe(
            new TimelineEntry(OrderStatus.Cancelled, FulfilmentHarness.Now.AddMinutes(3), "Cancelled by operator-7"));
        var product = await fixture.ProductAsync("LAMP");
        product.Reserved.ShouldBe(0);
        product.OnHand.ShouldBe(10);
        await fixture.Harness.ConsumedSuccessfullyAsync<CancelOrder>(message => message.OrderId == orderId);
    }

    [Fact]
    public async Task Stays_shipped_and_releases_nothing_when_order_has_shipped()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 10);
        var orderId = await fixture.SubmitConfirmedAsync("LAMP", 4);
        await fixture.ShipAsync(orderId);
        var shipped = await fixture.OrderAsync(orderId);

        await fixture.Harness.Bus.Publish(new CancelOrder(orderId, "customer-1"));

        await fixture.Harness.ConsumedSuccessfullyAsync<CancelOrder>(message => message.OrderId == orderId);
        var order = await fixture.OrderAsync(orderId);
        order.Status.ShouldBe(OrderStatus.Shipped);
        order.Version.ShouldBe(shipped.Version);
        var product = await fixture.ProductAsync("LAMP");
        product.OnHand.ShouldBe(6);
        product.Reserved.ShouldBe(0);
        fixture.Harness.PublishedSoFar<OrderCancelled>(message => message.OrderId == orderId).ShouldBeEmpty();
    }

    [Fact]
    public async Task Faults_with_MissingReferenceException_when_order_is_unknown()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        var orderId = Guid.CreateVersion7();

        await fixture.Harness.Bus.Publish(new CancelOrder(orderId, "customer-1"));

        await fixture.Harness.FaultedAsync<CancelOrder, MissingReferenceException>(message => message.OrderId == orderId);
        (await fixture.Orders.FindAsync(orderId, TestContext.Current.CancellationToken)).ShouldBeNull();
    }
}
