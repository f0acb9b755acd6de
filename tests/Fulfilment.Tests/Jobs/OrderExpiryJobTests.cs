using Backend.Contracts.Orders;
using Backend.Domain.Orders;
using Backend.Fulfilment.Jobs;
using Backend.Fulfilment.Tests.Infrastructure;

namespace Backend.Fulfilment.Tests.Jobs;

public sealed class OrderExpiryJobTests
{
    private static readonly DateTimeOffset Now = FulfilmentHarness.Now;

    [Fact]
    public async Task ExpireOrder_sent_only_for_in_progress_orders_accepted_longer_than_ExpireAfter_ago()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 20);
        var overdueAccepted = await fixture.AddAsync(OrderStatus.Accepted, Now.AddMinutes(-16), "LAMP", 2);
        // Re-driven a moment ago, but acceptance is what counts.
        var overdueReserved = await fixture.AddAsync(OrderStatus.Reserved, Now.AddMinutes(-20), "LAMP", 3, updatedAt: Now.AddSeconds(-5));
        var recent = await fixture.AddAsync(OrderStatus.Accepted, Now.AddMinutes(-14), "LAMP", 4);
        var confirmed = await fixture.AddAsync(OrderStatus.Confirmed, Now.AddMinutes(-30), "LAMP", 5);

        await RunAsync(fixture);

        fixture.Harness.PublishedSoFar<ExpireOrder>(_ => true).Select(message => message.OrderId)
            .ShouldBe([overdueAccepted.Id, overdueReserved.Id], ignoreOrder: true);
        await fixture.Harness.PublishedAsync<OrderExpired>(message => message.OrderId == overdueAccepted.Id);
        await fixture.Harness.PublishedAsync<OrderExpired>(message => message.OrderId == overdueReserved.Id);
        (await fixture.ProductAsync("LAMP")).Reserved.ShouldBe(4 + 5);
        (await fixture.OrderAsync(recent.Id)).Status.ShouldBe(OrderStatus.Accepted);
        (await fixture.OrderAsync(confirmed.Id)).Status.ShouldBe(OrderStatus.Confirmed);
    }

    [Fact]
    public async Task ExpireOrder_sent_once_the_configured_window_has_passed()
    {
        await using var fixture = await FulfilmentHarness.StartAsync(new Dictionary<string, string?> { ["Jobs:ExpireAfter"] = "00:05:00" });
        await fixture.SeedProductAsync("LAMP", onHand: 20);
        var order = await fixture.AddAsync(OrderStatus.Reserved, Now, "LAMP", 2);

        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        await RunAsync(fixture);
        fixture.Harness.PublishedSoFar<ExpireOrder>(_ => true).ShouldBeEmpty();

        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await RunAsync(fixture);
        fixture.Harness.PublishedSoFar<ExpireOrder>(_ => true).ShouldHaveSingleItem().OrderId.ShouldBe(order.Id);
        await fixture.Harness.PublishedAsync<OrderExpired>(message => message.OrderId == order.Id);
        (await fixture.ProductAsync("LAMP")).Reserved.ShouldBe(0);
    }

    private static Task RunAsync(FulfilmentHarness fixture) => fixture.RunJobAsync(JobNames.OrderExpiry);
}
