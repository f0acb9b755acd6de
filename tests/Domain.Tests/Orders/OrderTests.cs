using Backend.Domain.Orders;
using Backend.Domain.Pricing;

namespace Backend.Domain.Tests.Orders;

public sealed class OrderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static Order Accepted() =>
        Order.Accept(Guid.NewGuid(), "customer-1", [new OrderLine("SKU-1", 2)], "tok_ok", new ShipTo("US"), T0);

    private static PriceQuote Quote() =>
        new([new OrderLine("SKU-1", 2, 10m, 20m)], new OrderTotals(20m, 0m, 0m, 20m, "USD"));

    [Fact]
    public void Accepted_order_starts_its_timeline_when_accepted()
    {
        var order = Accepted();

        order.Status.ShouldBe(OrderStatus.Accepted);
        order.Version.ShouldBe(1);
        order.Timeline.ShouldBe([new TimelineEntry(OrderStatus.Accepted, T0)]);
    }

    [Fact]
    public void Happy_path_moves_through_every_state_when_each_step_succeeds()
    {
        var shipped = Accepted()
            .Reserve(Quote(), T0.AddSeconds(1))
            .Confirm("auth-1", T0.AddSeconds(2))
            .Ship(new Shipment("UPS", "1Z"), T0.AddSeconds(3));

        shipped.Status.ShouldBe(OrderStatus.Shipped);
        shipped.Version.ShouldBe(4);
        shipped.Timeline.Select(entry => entry.Status).ShouldBe(
            [OrderStatus.Accepted, OrderStatus.Reserved, OrderStatus.Confirmed, OrderStatus.Shipped]);
        shipped.Totals!.Total.ShouldBe(20m);
        shipped.ConfirmedAt.ShouldBe(T0.AddSeconds(2));
        shipped.AuthorizationId.ShouldBe("auth-1");
    }

    [Fact]
    public void Rejection_records_reason_and_detail_when_rejected()
    {
        var rejected = Accepted().Reject(RejectionReason.OutOfStock, "SKU-1", T0.AddSeconds(1));

        rejected.Status.ShouldBe(OrderStatus.Rejected);
        rejected.Reason.ShouldBe(RejectionReason.OutOfStock);
        rejected.ReasonDetail.ShouldBe("SKU-1");
        rejected.Timeline[^1].ShouldBe(new TimelineEntry(OrderStatus.Rejected, T0.AddSeconds(1), RejectionReason.OutOfStock));
    }

    [Theory]
    [InlineData(OrderStatus.Accepted, true)]
    [InlineData(OrderStatus.Reserved, true)]
    [InlineData(OrderStatus.Confirmed, true)]
    [InlineData(OrderStatus.Shipped, false)]
    [InlineData(OrderStatus.Rejected, false)]
    [InlineData(OrderStatus.Cancelled, false)]
    [InlineData(OrderStatus.Expired, false)]
    public void Cancel_is_allowed_only_before_shipping_when_not_final(OrderStatus from, bool allowed)
    {
        OrderTransitions.IsAllowed(from, OrderStatus.Cancelled).ShouldBe(allowed);
    }

    [Theory]
    [InlineData(OrderStatus.Accepted, true)]
    [InlineData(OrderStatus.Reserved, true)]
    [InlineData(OrderStatus.Confirmed, false)]
    [InlineData(OrderStatus.Shipped, false)]
    public void Expiry_applies_only_to_unconfirmed_orders(OrderStatus from, bool allowed)
    {
        OrderTransitions.IsAllowed(from, OrderStatus.Expired).ShouldBe(allowed);
    }

    [Fact]
    public void Invalid_transition_throws_and_names_both_states_when_attempted()
    {
        var order = Accepted();

        var error = Should.Throw<InvalidOrderTransitionException>(() => order.Ship(new Shipment("UPS", "1Z"), T0));

        error.From.ShouldBe(OrderStatus.Accepted);
        error.To.ShouldBe(OrderStatus.Shipped);
    }

    [Fact]
    public void Confirm_is_refused_when_the_order_was_cancelled_first()
    {
        var cancelled = Accepted().Reserve(Quote(), T0).Cancel("customer-1", T0.AddSeconds(1));

        Should.Throw<InvalidOrderTransitionException>(() => cancelled.Confirm("auth-1", T0.AddSeconds(2)));
    }

    [Theory]
    [InlineData(OrderStatus.Shipped, true)]
    [InlineData(OrderStatus.Rejected, true)]
    [InlineData(OrderStatus.Cancelled, true)]
    [InlineData(OrderStatus.Expired, true)]
    [InlineData(OrderStatus.Confirmed, false)]
    [InlineData(OrderStatus.Accepted, false)]
    public void Final_states_are_the_ones_nothing_leaves(OrderStatus status, bool final)
    {
        status.IsFinal().ShouldBe(final);
        Enum.GetValues<OrderStatus>().Any(next => OrderTransitions.IsAllowed(status, next)).ShouldBe(!final);
    }
}
