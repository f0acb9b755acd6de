using Backend.Domain.Orders;
using Backend.Domain.Pricing;

namespace Backend.Domain.Tests.Orders;

public sealed class OrderRequestsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private static readonly Shipment Parcel = new("DHL", "JD0001");

    private static Order Accepted() =>
        Order.Accept(Guid.NewGuid(), "customer-1", [new OrderLine("SKU-1", 2)], "tok_ok", new ShipTo("US"), T0);

    private static Order Confirmed() => Accepted()
        .Reserve(new PriceQuote([new OrderLine("SKU-1", 2, 10m, 20m)], new OrderTotals(20m, 0m, 0m, 20m, "USD")), T0.AddSeconds(1))
        .Confirm("auth-1", T0.AddSeconds(2));

    [Fact]
    public void Only_final_states_are_marked_for_settlement()
    {
        var confirmed = Confirmed();
        confirmed.SettlementPending.ShouldBeFalse();
        confirmed.Cancel("operator", T0.AddSeconds(3)).SettlementPending.ShouldBeTrue();
        confirmed.Ship(Parcel, T0.AddSeconds(3)).SettlementPending.ShouldBeTrue();
        Accepted().Reject(RejectionReason.OutOfStock, "SKU-1", T0).SettlementPending.ShouldBeTrue();
        Accepted().Expire(T0).SettlementPending.ShouldBeTrue();
    }

    [Fact]
    public void Settled_clears_the_mark_in_a_new_version_and_changes_nothing_when_there_is_none()
    {
        var cancelled = Confirmed().Cancel("operator", T0.AddSeconds(3));

        var settled = cancelled.Settled();

        settled.SettlementPending.ShouldBeFalse();
        settled.Version.ShouldBe(cancelled.Version + 1);
        settled.Timeline.ShouldBe(cancelled.Timeline);
        settled.Settled().ShouldBeSameAs(settled);
    }

    [Fact]
    public void Cancel_request_is_pending_until_the_order_is_final_and_the_first_one_stands()
    {
        var order = Confirmed();

        var requested = order.RequestCancel("customer-1", T0.AddSeconds(5));

        requested.Version.ShouldBe(order.Version + 1);
        requested.Status.ShouldBe(OrderStatus.Confirmed);
        requested.CancelRequest.ShouldBe(new CancelRequest("customer-1", T0.AddSeconds(5)));
        requested.HasPendingRequest.ShouldBeTrue();
        requested.PendingRequestSince.ShouldBe(T0.AddSeconds(5));
        requested.RequestCancel("operator", T0.AddSeconds(9)).ShouldBeSameAs(requested);

        var cancelled = requested.Cancel("customer-1", T0.AddSeconds(6));
        cancelled.HasPendingRequest.ShouldBeFalse();
        cancelled.PendingRequestSince.ShouldBeNull();
    }

    [Fact]
    public void Shipment_request_is_pending_alone_and_the_first_one_stands()
    {
        var order = Confirmed();

        var requested = order.RequestShipment(Parcel, T0.AddSeconds(5));

        requested.Version.ShouldBe(order.Version + 1);
        requested.HasPendingRequest.ShouldBeTrue();
        requested.CancelRequest.ShouldBeNull();
        requested.RequestShipment(new Shipment("UPS", "1Z"), T0.AddSeconds(6)).ShouldBeSameAs(requested);
        requested.Cancel("operator", T0.AddSeconds(7)).Timeline[^1].Reason.ShouldBe("Cancelled by operator");
    }

    [Fact]
    public void Pending_since_is_the_older_request_when_both_are_recorded()
    {
        var both = Confirmed().RequestShipment(Parcel, T0.AddSeconds(7)).RequestCancel("operator", T0.AddSeconds(8));

        both.PendingRequestSince.ShouldBe(T0.AddSeconds(7));
        both.ShipmentRequest.ShouldBe(new ShipmentRequest(Parcel, T0.AddSeconds(7)));
    }

    [Fact]
    public void Shipment_recorded_behind_a_cancel_stays_pending_after_the_cancel_until_it_is_kept_as_a_conflict()
    {
        var both = Confirmed().RequestCancel("customer-1", T0.AddSeconds(5)).RequestShipment(Parcel, T0.AddSeconds(6));
        both.CancelPending.ShouldBeTrue();
        both.ShipmentPending.ShouldBeTrue();

        var cancelled = both.Cancel("customer-1", T0.AddSeconds(7));
        cancelled.CancelPending.ShouldBeFalse();
        cancelled.ShipmentPending.ShouldBeTrue();
        cancelled.HasPendingRequest.ShouldBeTrue();
        cancelled.PendingRequestSince.ShouldBe(T0.AddSeconds(6));

        var conflict = cancelled.RecordConflict(Parcel, 0, T0.AddSeconds(8));
        conflict.HasPendingRequest.ShouldBeFalse();
        conflict.PendingRequestSince.ShouldBeNull();
    }

    [Fact]
    public void Shipment_request_is_pending_until_that_parcel_ships_the_order()
    {
        var requested = Confirmed().RequestShipment(Parcel, T0.AddSeconds(5));

        requested.Ship(Parcel, T0.AddSeconds(6)).HasPendingRequest.ShouldBeFalse();
        // Shipped with another parcel first: the recorded one is still to arrive, as a conflict.
        requested.Ship(new Shipment("UPS", "1Z"), T0.AddSeconds(6)).ShipmentPending.ShouldBeTrue();
    }

    [Fact]
    public void Requests_are_refused_when_the_order_cannot_take_them()
    {
        Should.Throw<InvalidOrderTransitionException>(() => Accepted().RequestShipment(Parcel, T0));
        Should.Throw<InvalidOrderTransitionException>(() => Confirmed().Ship(Parcel, T0).RequestCancel("operator", T0));
    }

    [Fact]
    public void Conflict_is_kept_once_per_parcel_with_a_timeline_entry_and_the_status_unchanged()
    {
        var cancelled = Confirmed().Cancel("operator", T0.AddSeconds(3));

        var recorded = cancelled.RecordConflict(Parcel, 2, T0.AddSeconds(4));

        recorded.Status.ShouldBe(OrderStatus.Cancelled);
        recorded.Version.ShouldBe(cancelled.Version + 1);
        recorded.Conflicts.ShouldBe([new ShipmentConflict(Parcel, OrderStatus.Cancelled, T0.AddSeconds(4), 2)]);
        recorded.Timeline[^1].ShouldBe(new TimelineEntry(
            OrderStatus.Cancelled, T0.AddSeconds(4), "ShipmentConflict: DHL JD0001 arrived while Cancelled; 2 units could not be taken off on-hand"));
        recorded.RecordConflict(Parcel, 0, T0.AddSeconds(5)).ShouldBeSameAs(recorded);
        recorded.RecordConflict(new Shipment("UPS", "1Z"), 0, T0.AddSeconds(5)).Conflicts.Count.ShouldBe(2);
    }
}
