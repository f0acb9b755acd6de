using Backend.Contracts.Orders;
using Backend.Domain.Orders;
using Backend.Fulfilment.Jobs;
using Backend.Fulfilment.Tests.Infrastructure;

namespace Backend.Fulfilment.Tests.Jobs;

public sealed class OrderRedriveJobTests
{
    private static readonly DateTimeOffset Now = FulfilmentHarness.Now;

    [Fact]
    public async Task SubmitOrder_resent_only_for_orders_stuck_in_progress_longer_than_RedriveAfter()
    {
        await using var fixture = await FulfilmentHarness.StartAsync(new Dictionary<string, string?> { ["Jobs:RedriveAfter"] = "00:02:00" });
        await fixture.SeedProductAsync("LAMP", onHand: 20);
        var staleAccepted = await fixture.AddAsync(OrderStatus.Accepted, Now.AddMinutes(-5), "LAMP", holdsStock: false);
        var staleReserved = await fixture.AddAsync(OrderStatus.Reserved, Now.AddMinutes(-5), "LAMP", 2, updatedAt: Now.AddSeconds(-121));
        var fresh = await fixture.AddAsync(OrderStatus.Accepted, Now.AddSeconds(-119), "LAMP", holdsStock: false);
        var final = await fixture.AddAsync(OrderStatus.Rejected, Now.AddHours(-1), "LAMP");

        await RunAsync(fixture);

        var resent = fixture.Harness.PublishedSoFar<SubmitOrder>(_ => true);
        resent.Select(message => message.OrderId).ShouldBe([staleAccepted.Id, staleReserved.Id], ignoreOrder: true);
        resent.Single(message => message.OrderId == staleReserved.Id).ShouldSatisfyAllConditions(
            message => message.CustomerId.ShouldBe(Messages.Customer),
            message => message.Lines.ShouldBe([new OrderLineItem("LAMP", 2)]),
            message => message.PaymentToken.ShouldBe(Messages.ApprovingToken),
            message => message.ShipTo.Country.ShouldBe("US"),
            message => message.SubmittedAt.ShouldBe(staleReserved.AcceptedAt));

        // The consumers take it from there: both stuck orders reach Confirmed, with the stock reserved once.
        await fixture.Harness.PublishedAsync<OrderConfirmed>(message => message.OrderId == staleAccepted.Id);
        await fixture.Harness.PublishedAsync<OrderConfirmed>(message => message.OrderId == staleReserved.Id);
        (await fixture.ProductAsync("LAMP")).Reserved.ShouldBe(3);
        (await fixture.OrderAsync(fresh.Id)).Status.ShouldBe(OrderStatus.Accepted);
        (await fixture.OrderAsync(final.Id)).Status.ShouldBe(OrderStatus.Rejected);
    }

    [Fact]
    public async Task Only_the_oldest_BatchSize_orders_resent_when_more_are_stale()
    {
        await using var fixture = await FulfilmentHarness.StartAsync(new Dictionary<string, string?> { ["Jobs:BatchSize"] = "1" });
        await fixture.SeedProductAsync("LAMP", onHand: 20);
        var newer = await fixture.AddAsync(OrderStatus.Accepted, Now.AddMinutes(-3), "LAMP", holdsStock: false);
        var older = await fixture.AddAsync(OrderStatus.Accepted, Now.AddMinutes(-4), "LAMP", holdsStock: false);

        await RunAsync(fixture);

        fixture.Harness.PublishedSoFar<SubmitOrder>(_ => true).ShouldHaveSingleItem().OrderId.ShouldBe(older.Id);
        fixture.Harness.PublishedSoFar<SubmitOrder>(message => message.OrderId == newer.Id).ShouldBeEmpty();
    }

    [Fact]
    public async Task Nothing_resent_until_RedriveAfter_has_passed()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 20);
        var order = await fixture.AddAsync(OrderStatus.Accepted, Now, "LAMP", holdsStock: false);

        await RunAsync(fixture);
        fixture.Harness.PublishedSoFar<SubmitOrder>(_ => true).ShouldBeEmpty();

        fixture.Time.Advance(new JobsOptions().RedriveAfter + TimeSpan.FromSeconds(1));
        await RunAsync(fixture);
        fixture.Harness.PublishedSoFar<SubmitOrder>(_ => true).ShouldHaveSingleItem().OrderId.ShouldBe(order.Id);
    }

    [Fact]
    public async Task Recorded_cancel_and_shipment_resent_until_they_take_effect()
    {
        await using var fixture = await FulfilmentHarness.StartAsync(new Dictionary<string, string?> { ["Jobs:RedriveAfter"] = "00:02:00" });
        await fixture.SeedProductAsync("LAMP", onHand: 20);
        var toCancel = await fixture.AddAsync(OrderStatus.Confirmed, Now.AddMinutes(-5), "LAMP", 2);
        var toShip = await fixture.AddAsync(OrderStatus.Confirmed, Now.AddMinutes(-5), "LAMP", 3);
        var recent = await fixture.AddAsync(OrderStatus.Confirmed, Now.AddMinutes(-5), "LAMP", 1);
        // What the API records before it publishes, with publishes the broker never took.
        await RecordAsync(fixture, toCancel, toCancel.RequestCancel("operator", Now.AddSeconds(-121)));
        await RecordAsync(fixture, toShip, toShip.RequestShipment(new Shipment("DHL", "JD0001"), Now.AddSeconds(-121)));
        await RecordAsync(fixture, recent, recent.RequestCancel("operator", Now.AddSeconds(-119)));

        await RunAsync(fixture);

        fixture.Harness.PublishedSoFar<CancelOrder>(_ => true).ShouldHaveSingleItem().ShouldBe(new CancelOrder(toCancel.Id, "operator"));
        fixture.Harness.PublishedSoFar<Backend.Contracts.Shipping.ShipmentDispatched>(_ => true).ShouldHaveSingleItem()
            .ShouldBe(new Backend.Contracts.Shipping.ShipmentDispatched(toShip.Id, "DHL", "JD0001"));
        await fixture.Harness.PublishedAsync<OrderCancelled>(message => message.OrderId == toCancel.Id);
        await fixture.Harness.PublishedAsync<OrderShipped>(message => message.OrderId == toShip.Id);

        // Once they took effect the orders are final, and nothing is re-sent for them again.
        fixture.Time.Advance(TimeSpan.FromMinutes(3));
        await RunAsync(fixture);
        fixture.Harness.PublishedSoFar<CancelOrder>(message => message.OrderId == toCancel.Id).ShouldHaveSingleItem();
        fixture.Harness.PublishedSoFar<CancelOrder>(message => message.OrderId == recent.Id).ShouldHaveSingleItem();
        await fixture.Harness.PublishedAsync<OrderCancelled>(message => message.OrderId == recent.Id);
        (await fixture.ProductAsync("LAMP")).ShouldSatisfyAllConditions(
            product => product.OnHand.ShouldBe(17),
            product => product.Reserved.ShouldBe(0));
    }

    [Fact]
    public async Task Shipment_recorded_behind_a_cancel_is_resent_after_the_cancel_and_kept_as_a_conflict()
    {
        await using var fixture = await FulfilmentHarness.StartAsync(new Dictionary<string, string?> { ["Jobs:RedriveAfter"] = "00:02:00" });
        await fixture.SeedProductAsync("LAMP", onHand: 20);
        var order = await fixture.AddAsync(OrderStatus.Confirmed, Now.AddMinutes(-5), "LAMP", 4);
        var parcel = new Shipment("DHL", "JD0002");
        // Both recorded while the broker was down: the customer cancelled, then the warehouse shipped anyway.
        var cancelRecorded = order.RequestCancel("customer-1", Now.AddSeconds(-130));
        await RecordAsync(fixture, order, cancelRecorded);
        await RecordAsync(fixture, cancelRecorded, cancelRecorded.RequestShipment(parcel, Now.AddSeconds(-125)));

        await RunAsync(fixture);
        await fixture.Harness.PublishedAsync<OrderCancelled>(message => message.OrderId == order.Id);
        fixture.Harness.PublishedSoFar<Backend.Contracts.Shipping.ShipmentDispatched>(_ => true).ShouldBeEmpty();

        fixture.Time.Advance(TimeSpan.FromSeconds(121));
        await RunAsync(fixture);
        fixture.Harness.PublishedSoFar<Backend.Contracts.Shipping.ShipmentDispatched>(_ => true).ShouldHaveSingleItem()
            .ShouldBe(new Backend.Contracts.Shipping.ShipmentDispatched(order.Id, "DHL", "JD0002"));
        await fixture.Harness.PublishedAsync<OrderShipmentConflict>(message => message.OrderId == order.Id);

        var stored = await fixture.Orders.FindAsync(order.Id, TestContext.Current.CancellationToken);
        stored!.Status.ShouldBe(OrderStatus.Cancelled);
        stored.Conflicts.ShouldHaveSingleItem().Shipment.ShouldBe(parcel);
        (await fixture.ProductAsync("LAMP")).ShouldSatisfyAllConditions(
            product => product.OnHand.ShouldBe(16),
            product => product.Reserved.ShouldBe(0));

        fixture.Time.Advance(TimeSpan.FromMinutes(3));
        await RunAsync(fixture);
        fixture.Harness.PublishedSoFar<Backend.Contracts.Shipping.ShipmentDispatched>(_ => true).ShouldHaveSingleItem();
        fixture.Harness.PublishedSoFar<CancelOrder>(_ => true).ShouldHaveSingleItem();
    }

    private static async Task RecordAsync(FulfilmentHarness fixture, Order stored, Order recorded) =>
        (await fixture.Orders.TryUpdateAsync(recorded, stored.Version, TestContext.Current.CancellationToken)).ShouldBeTrue();

    private static Task RunAsync(FulfilmentHarness fixture) => fixture.RunJobAsync(JobNames.OrderRedrive);
}
