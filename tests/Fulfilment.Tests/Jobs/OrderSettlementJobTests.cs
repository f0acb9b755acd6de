using Backend.Contracts.Orders;
using Backend.Domain.Catalog;
using Backend.Domain.Orders;
using Backend.Domain.Payments;
using Backend.Fulfilment.Jobs;
using Backend.Fulfilment.Tests.Infrastructure;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Backend.Fulfilment.Tests.Jobs;

public sealed class OrderSettlementJobTests
{
    private static readonly DateTimeOffset Now = FulfilmentHarness.Now;

    [Fact]
    public async Task Stock_released_mark_cleared_and_outcome_announced_when_a_crash_left_a_cancelled_order_unsettled()
    {
        await using var fixture = await FulfilmentHarness.StartAsync(new Dictionary<string, string?> { ["Jobs:SettleAfter"] = "00:00:10" });
        await fixture.SeedProductAsync("LAMP", onHand: 10);
        var confirmed = await fixture.AddAsync(OrderStatus.Confirmed, Now.AddMinutes(-5), "LAMP", 3);
        // What a worker killed right after saving the cancel leaves behind: the order final, its stock still held.
        var cancelled = confirmed.Cancel("operator", Now.AddSeconds(-11));
        cancelled.SettlementPending.ShouldBeTrue();
        (await fixture.Orders.TryUpdateAsync(cancelled, confirmed.Version, TestContext.Current.CancellationToken)).ShouldBeTrue();
        (await fixture.ProductAsync("LAMP")).Reserved.ShouldBe(3);

        await RunAsync(fixture);

        var product = await fixture.ProductAsync("LAMP");
        product.Reserved.ShouldBe(0);
        product.OnHand.ShouldBe(10);
        var order = await fixture.OrderAsync(confirmed.Id);
        order.Status.ShouldBe(OrderStatus.Cancelled);
        order.SettlementPending.ShouldBeFalse();
        (await fixture.Harness.PublishedAsync<OrderCancelled>(message => message.OrderId == confirmed.Id)).CustomerId.ShouldBe(Messages.Customer);

        // Settled orders are not looked at again.
        await RunAsync(fixture);
        fixture.Harness.PublishedSoFar<OrderCancelled>(message => message.OrderId == confirmed.Id).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Orders_behind_one_that_cannot_be_settled_are_settled_it_stays_marked_and_the_run_fails()
    {
        await using var fixture = await FulfilmentHarness.StartAsync(
            new Dictionary<string, string?> { ["Jobs:SettleAfter"] = "00:00:10" },
            services => services.Replace(ServiceDescriptor.Singleton<IPaymentGateway, VoidNeverAnswersGateway>()));
        await fixture.SeedProductAsync("LAMP", onHand: 10);
        var stuck = await StoreCancelledAsync(fixture, Now.AddSeconds(-30), VoidNeverAnswersGateway.Broken);
        var behind = await StoreCancelledAsync(fixture, Now.AddSeconds(-20), Guid.CreateVersion7());

        var failure = await Should.ThrowAsync<InvalidOperationException>(() => RunAsync(fixture));
        failure.Message.ShouldBe("1 of 2 unsettled orders could not be settled; they stay marked for the next run.");

        (await fixture.OrderAsync(stuck)).SettlementPending.ShouldBeTrue();
        (await fixture.OrderAsync(behind)).SettlementPending.ShouldBeFalse();
        (await fixture.ProductAsync("LAMP")).Reserved.ShouldBe(0);
    }

    [Fact]
    public async Task Order_left_alone_until_SettleAfter_has_passed()
    {
        await using var fixture = await FulfilmentHarness.StartAsync(new Dictionary<string, string?> { ["Jobs:SettleAfter"] = "00:00:10" });
        await fixture.SeedProductAsync("LAMP", onHand: 10);
        var confirmed = await fixture.AddAsync(OrderStatus.Confirmed, Now.AddMinutes(-5), "LAMP", 3);
        var cancelled = confirmed.Cancel("operator", Now.AddSeconds(-9));
        (await fixture.Orders.TryUpdateAsync(cancelled, confirmed.Version, TestContext.Current.CancellationToken)).ShouldBeTrue();

        await RunAsync(fixture);
        (await fixture.ProductAsync("LAMP")).Reserved.ShouldBe(3);

        fixture.Time.Advance(TimeSpan.FromSeconds(2));
        await RunAsync(fixture);
        (await fixture.ProductAsync("LAMP")).Reserved.ShouldBe(0);
        (await fixture.OrderAsync(confirmed.Id)).SettlementPending.ShouldBeFalse();
    }

    [Fact]
    public async Task Settled_orders_carry_no_mark_when_processing_completes_normally()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 10);
        var rejected = await fixture.SubmitRejectedAsync("LAMP", 3);
        var confirmed = await fixture.SubmitConfirmedAsync("LAMP", 2);
        await fixture.ShipAsync(confirmed);

        (await fixture.OrderAsync(rejected)).SettlementPending.ShouldBeFalse();
        (await fixture.OrderAsync(confirmed)).SettlementPending.ShouldBeFalse();
        (await fixture.Orders.FindSettlementPendingAsync(Now.AddDays(1), 10, TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    // A confirmed order of one LAMP, stored cancelled but not settled, as a worker killed after the save leaves it.
    private static async Task<Guid> StoreCancelledAsync(FulfilmentHarness fixture, DateTimeOffset at, Guid id)
    {
        var accepted = Order.Accept(id, Messages.Customer, [new OrderLine("LAMP", 1)], Messages.ApprovingToken, new ShipTo("US"), at);
        (await fixture.Orders.TryAddAsync(accepted, TestContext.Current.CancellationToken)).ShouldBe(AddOrderOutcome.Added);
        (await fixture.Products.ReserveAsync(id, [new StockRequest("LAMP", 1)], TestContext.Current.CancellationToken)).Succeeded.ShouldBeTrue();
        (await fixture.Orders.TryUpdateAsync(accepted.Cancel("operator", at), accepted.Version, TestContext.Current.CancellationToken)).ShouldBeTrue();
        return id;
    }

    /// <summary>A gateway whose voids for one order always fail, as for a processor that lost that authorization.</summary>
    private sealed class VoidNeverAnswersGateway : IPaymentGateway
    {
        public static readonly Guid Broken = Guid.CreateVersion7();

        public Task<AuthorizationResult> AuthorizeAsync(PaymentRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(AuthorizationResult.Approve($"auth-{request.OrderId}"));

        public Task CaptureAsync(Guid orderId, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task VoidAsync(Guid orderId, CancellationToken cancellationToken) =>
            orderId == Broken ? throw new PaymentGatewayUnavailableException($"Void for order {orderId} timed out.") : Task.CompletedTask;
    }

    private static Task RunAsync(FulfilmentHarness fixture) => fixture.RunJobAsync(JobNames.OrderSettlement);
}
