using Backend.Contracts.Orders;
using Backend.Domain.Orders;
using Backend.Fulfilment.Tests.Infrastructure;

namespace Backend.Fulfilment.Tests.Orders;

public sealed class ExpireOrderTests
{
    [Theory]
    [InlineData(OrderStatus.Accepted)]
    [InlineData(OrderStatus.Reserved)]
    public async Task Expired_and_stock_released_when_order_is_still_in_progress(OrderStatus status)
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 10);
        // An Accepted order holding stock is one whose worker reserved and crashed before saving the step.
        var stored = await fixture.AddAsync(status, FulfilmentHarness.Now.AddMinutes(-16), "LAMP", quantity: 3);
        (await fixture.ProductAsync("LAMP")).Reserved.ShouldBe(3);

        await fixture.Harness.Bus.Publish(new ExpireOrder(stored.Id));

        var expired = await fixture.Harness.PublishedAsync<OrderExpired>(message => message.OrderId == stored.Id);
        expired.At.ShouldBe(FulfilmentHarness.Now);
        var order = await fixture.OrderAsync(stored.Id);
        order.Status.ShouldBe(OrderStatus.Expired);
        order.Timeline[^1].ShouldBe(new TimelineEntry(OrderStatus.Expired, FulfilmentHarness.Now));
        var product = await fixture.ProductAsync("LAMP");
        product.Reserved.ShouldBe(0);
        product.OnHand.ShouldBe(10);
        await fixture.Harness.ConsumedSuccessfullyAsync<ExpireOrder>(message => message.OrderId == stored.Id);
    }

    [Fact]
    public async Task Nothing_changes_when_order_is_confirmed()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 10);
        var orderId = await fixture.SubmitConfirmedAsync("LAMP", 3);
        var confirmed = await fixture.OrderAsync(orderId);

        await fixture.Harness.Bus.Publish(new ExpireOrder(orderId));

        await fixture.Harness.ConsumedSuccessfullyAsync<ExpireOrder>(message => message.OrderId == orderId);
        var order = await fixture.OrderAsync(orderId);
        order.Status.ShouldBe(OrderStatus.Confirmed);
        order.Version.ShouldBe(confirmed.Version);
        (await fixture.ProductAsync("LAMP")).Reserved.ShouldBe(3);
        fixture.Harness.PublishedSoFar<OrderExpired>(message => message.OrderId == orderId).ShouldBeEmpty();
    }

    [Fact]
    public async Task Dropped_without_fault_when_order_is_unknown()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        var orderId = Guid.CreateVersion7();

        await fixture.Harness.Bus.Publish(new ExpireOrder(orderId));

        await fixture.Harness.ConsumedSuccessfullyAsync<ExpireOrder>(message => message.OrderId == orderId);
        (await fixture.Orders.FindAsync(orderId, TestContext.Current.CancellationToken)).ShouldBeNull();
    }
}
