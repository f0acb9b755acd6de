using Backend.Contracts.Orders;
using Backend.Contracts.Shipping;
using Backend.Domain.Catalog;
using Backend.Domain.Orders;
using Backend.Domain.Payments;
using Backend.Fulfilment.Tests.Infrastructure;

namespace Backend.Fulfilment.Tests.Shipping;

public sealed class ShipmentDispatchedTests
{
    [Fact]
    public async Task Shipped_and_units_leave_on_hand_and_reserved_when_order_is_confirmed()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 10);
        var orderId = await fixture.SubmitConfirmedAsync("LAMP", 3);
        var other = await fixture.SubmitConfirmedAsync("LAMP", 2);

        await fixture.Harness.Bus.Publish(new ShipmentDispatched(orderId, "DHL", "JD0001"));

        var shipped = await fixture.Harness.PublishedAsync<OrderShipped>(message => message.OrderId == orderId);
        shipped.ShouldBe(new OrderShipped(orderId, Messages.Customer, "DHL", "JD0001", FulfilmentHarness.Now));
        var order = await fixture.OrderAsync(orderId);
        order.Status.ShouldBe(OrderStatus.Shipped);
        order.Shipment.ShouldBe(new Shipment("DHL", "JD0001"));
        var product = await fixture.ProductAsync("LAMP");
        product.OnHand.ShouldBe(7);
        product.Reserved.ShouldBe(2);
        (await fixture.OrderAsync(other)).Status.ShouldBe(OrderStatus.Confirmed);
        (await fixture.Payments.FindAsync(orderId, CancellationToken.None))!.Settlement.ShouldBe(PaymentSettlement.Captured);
        (await fixture.Payments.FindAsync(other, CancellationToken.None))!.Settlement.ShouldBe(PaymentSettlement.None);
        await fixture.Harness.ConsumedSuccessfullyAsync<ShipmentDispatched>(message => message.OrderId == orderId);
    }

    [Fact]
    public async Task Counted_once_when_the_same_shipment_arrives_twice()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 10);
        var orderId = await fixture.SubmitConfirmedAsync("LAMP", 3);
        await fixture.SubmitConfirmedAsync("LAMP", 2);
        var shipment = new ShipmentDispatched(orderId, "DHL", "JD0001");

        await fixture.Harness.Bus.Publish(shipment);
        await fixture.Harness.Bus.Publish(shipment);

        await fixture.Harness.ConsumedSuccessfullyAsync<ShipmentDispatched>(message => message.OrderId == orderId, count: 2);
        var product = await fixture.ProductAsync("LAMP");
        product.OnHand.ShouldBe(7);
        product.Reserved.ShouldBe(2);
        // A repeat announces the stored shipment again; it never ships, commits or captures twice.
        fixture.Harness.PublishedSoFar<OrderShipped>(message => message.OrderId == orderId)
            .Select(message => message.TrackingNumber).Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Conflict_recorded_and_units_taken_off_on_hand_once_when_a_cancelled_order_ships()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 10);
        var orderId = await fixture.SubmitConfirmedAsync("LAMP", 3);
        await fixture.Harness.Bus.Publish(new CancelOrder(orderId, "operator"));
        await fixture.Harness.PublishedAsync<OrderCancelled>(message => message.OrderId == orderId);
        var shipment = new ShipmentDispatched(orderId, "DHL", "JD0001");

        await fixture.Harness.Bus.Publish(shipment);
        await fixture.Harness.Bus.Publish(shipment);

        await fixture.Harness.ConsumedSuccessfullyAsync<ShipmentDispatched>(message => message.OrderId == orderId, count: 2);
        var announced = await fixture.Harness.PublishedAsync<OrderShipmentConflict>(message => message.OrderId == orderId);
        announced.ShouldBe(new OrderShipmentConflict(orderId, Messages.Customer, "Cancelled", "DHL", "JD0001", 0, FulfilmentHarness.Now));
        var order = await fixture.OrderAsync(orderId);
        order.Status.ShouldBe(OrderStatus.Cancelled);
        order.Shipment.ShouldBeNull();
        order.Conflicts.ShouldBe([new ShipmentConflict(new Shipment("DHL", "JD0001"), OrderStatus.Cancelled, FulfilmentHarness.Now)]);
        order.Timeline[^1].ShouldBe(new TimelineEntry(OrderStatus.Cancelled, FulfilmentHarness.Now, "ShipmentConflict: DHL JD0001 arrived while Cancelled"));
        // The goods left: they are off on-hand, once, however often the shipment is delivered.
        var product = await fixture.ProductAsync("LAMP");
        product.OnHand.ShouldBe(7);
        product.Reserved.ShouldBe(0);
        fixture.Harness.PublishedSoFar<OrderShipped>(message => message.OrderId == orderId).ShouldBeEmpty();
    }

    [Fact]
    public async Task Units_other_orders_hold_are_counted_short_when_a_cancelled_order_ships()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 5);
        var cancelled = await fixture.SubmitConfirmedAsync("LAMP", 3);
        await fixture.Harness.Bus.Publish(new CancelOrder(cancelled, "operator"));
        await fixture.Harness.PublishedAsync<OrderCancelled>(message => message.OrderId == cancelled);
        await fixture.SubmitConfirmedAsync("LAMP", 4);

        await fixture.Harness.Bus.Publish(new ShipmentDispatched(cancelled, "DHL", "JD0001"));

        var announced = await fixture.Harness.PublishedAsync<OrderShipmentConflict>(message => message.OrderId == cancelled);
        announced.UnitsShort.ShouldBe(2);
        (await fixture.OrderAsync(cancelled)).Conflicts.ShouldHaveSingleItem().UnitsShort.ShouldBe(2);
        var product = await fixture.ProductAsync("LAMP");
        product.OnHand.ShouldBe(4);
        product.Reserved.ShouldBe(4);
    }

    [Fact]
    public async Task Conflict_recorded_and_stock_left_alone_when_a_shipped_order_ships_with_another_parcel()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 10);
        var orderId = await fixture.SubmitConfirmedAsync("LAMP", 3);
        await fixture.ShipAsync(orderId);

        await fixture.Harness.Bus.Publish(new ShipmentDispatched(orderId, "UPS", "1Z999"));

        var announced = await fixture.Harness.PublishedAsync<OrderShipmentConflict>(message => message.OrderId == orderId);
        announced.Status.ShouldBe("Shipped");
        var order = await fixture.OrderAsync(orderId);
        order.Status.ShouldBe(OrderStatus.Shipped);
        order.Shipment.ShouldBe(new Shipment("DHL", "TRACK-1"));
        order.Conflicts.ShouldHaveSingleItem().Shipment.ShouldBe(new Shipment("UPS", "1Z999"));
        var product = await fixture.ProductAsync("LAMP");
        product.OnHand.ShouldBe(7);
        product.Reserved.ShouldBe(0);
    }

    [Fact]
    public async Task Conflict_recorded_and_released_units_taken_off_when_a_rejected_order_ships()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 10);
        var orderId = await fixture.SubmitRejectedAsync("LAMP", 3);

        await fixture.Harness.Bus.Publish(new ShipmentDispatched(orderId, "DHL", "JD0001"));

        (await fixture.Harness.PublishedAsync<OrderShipmentConflict>(message => message.OrderId == orderId)).Status.ShouldBe("Rejected");
        var order = await fixture.OrderAsync(orderId);
        order.Status.ShouldBe(OrderStatus.Rejected);
        order.Shipment.ShouldBeNull();
        order.Conflicts.ShouldHaveSingleItem();
        (await fixture.ProductAsync("LAMP")).OnHand.ShouldBe(7);
        fixture.Harness.PublishedSoFar<OrderShipped>(message => message.OrderId == orderId).ShouldBeEmpty();
    }

    [Fact]
    public async Task Faults_with_the_field_and_leaves_the_order_when_carrier_is_too_long()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 10);
        var orderId = await fixture.SubmitConfirmedAsync("LAMP", 3);
        var confirmed = await fixture.OrderAsync(orderId);

        await fixture.Harness.Bus.Publish(new ShipmentDispatched(orderId, new string('c', ShipmentLimits.MaxCarrierLength + 1), "JD0001"));

        var fault = await fixture.Harness.RejectedAsInvalidAsync<ShipmentDispatched>(message => message.OrderId == orderId);
        fault.Exceptions.ShouldHaveSingleItem().Message.ShouldContain("'carrier'");
        var order = await fixture.OrderAsync(orderId);
        order.Status.ShouldBe(OrderStatus.Confirmed);
        order.Version.ShouldBe(confirmed.Version);
        (await fixture.ProductAsync("LAMP")).ShouldBe(new Product("LAMP", "Product LAMP", 10.00m, true, 10, 3, 0));
        fixture.Harness.PublishedSoFar<OrderShipped>(message => message.OrderId == orderId).ShouldBeEmpty();
    }
}
