using Backend.Domain.Catalog;
using Backend.Domain.Orders;

namespace Backend.Store.Tests;

public abstract partial class StoreContractTests
{
    private static readonly Shipment Parcel = new("DHL", "JD0001");

    [Fact]
    public async Task Settlement_mark_requests_and_conflicts_round_trip()
    {
        var accepted = TestOrders.Accepted();
        await Orders.TryAddAsync(accepted, Cancellation);
        var confirmed = TestOrders.Confirmed(TestOrders.T0, TestOrders.T0.AddSeconds(1)) with { Id = accepted.Id, Version = 1 };
        var requested = confirmed.RequestShipment(Parcel, TestOrders.T0.AddSeconds(2)).RequestCancel("operator", TestOrders.T0.AddSeconds(3));
        var cancelled = requested.Cancel("operator", TestOrders.T0.AddSeconds(4)).RecordConflict(Parcel, 2, TestOrders.T0.AddSeconds(5));
        (await Orders.TryUpdateAsync(cancelled, 1, Cancellation)).ShouldBeTrue();

        var found = await Orders.FindAsync(accepted.Id, Cancellation);

        found.ShouldNotBeNull();
        found.SettlementPending.ShouldBeTrue();
        found.CancelRequest.ShouldBe(cancelled.CancelRequest);
        found.ShipmentRequest.ShouldBe(cancelled.ShipmentRequest);
        found.Conflicts.ShouldBe(cancelled.Conflicts);
        found.Timeline.ShouldBe(cancelled.Timeline);
    }

    [Fact]
    public async Task FindSettlementPending_returns_marked_orders_older_than_the_cutoff_oldest_first()
    {
        var old = await StoreFinalAsync(TestOrders.T0.AddMinutes(1));
        var older = await StoreFinalAsync(TestOrders.T0);
        var recent = await StoreFinalAsync(TestOrders.T0.AddMinutes(5));
        var settled = await StoreFinalAsync(TestOrders.T0);
        (await Orders.TryUpdateAsync(settled.Settled(), settled.Version, Cancellation)).ShouldBeTrue();
        await Orders.TryAddAsync(TestOrders.Accepted(at: TestOrders.T0), Cancellation);

        var due = await Orders.FindSettlementPendingAsync(TestOrders.T0.AddMinutes(2), 10, Cancellation);

        due.Select(order => order.Id).ShouldBe([older.Id, old.Id]);
        (await Orders.FindSettlementPendingAsync(TestOrders.T0.AddMinutes(2), 1, Cancellation)).ShouldHaveSingleItem().Id.ShouldBe(older.Id);
        recent.SettlementPending.ShouldBeTrue();
    }

    [Fact]
    public async Task FindPendingRequests_returns_orders_whose_request_has_not_taken_effect_oldest_request_first()
    {
        var shipLater = await StoreRequestAsync(order => order.RequestShipment(Parcel, TestOrders.T0.AddMinutes(1)));
        var cancelFirst = await StoreRequestAsync(order => order.RequestCancel("operator", TestOrders.T0));
        await StoreRequestAsync(order => order.RequestCancel("operator", TestOrders.T0.AddMinutes(5)));
        var done = await StoreRequestAsync(order => order.RequestCancel("operator", TestOrders.T0));
        (await Orders.TryUpdateAsync(done.Cancel("operator", TestOrders.T0.AddSeconds(1)), done.Version, Cancellation)).ShouldBeTrue();

        var due = await Orders.FindPendingRequestsAsync(TestOrders.T0.AddMinutes(2), 10, Cancellation);

        due.Select(order => order.Id).ShouldBe([cancelFirst.Id, shipLater.Id]);
    }

    [Fact]
    public async Task WriteOffReleased_takes_released_units_off_on_hand_once_and_counts_what_others_hold()
    {
        await StockAsync("SKU-1", onHand: 5);
        await StockAsync("SKU-2", onHand: 5);
        var shipped = Guid.NewGuid();
        (await Products.ReserveAsync(shipped, [new StockRequest("SKU-1", 2), new StockRequest("SKU-2", 3)], Cancellation)).Succeeded.ShouldBeTrue();
        await Products.ReleaseAsync(shipped, Cancellation);
        (await Products.ReserveAsync(Guid.NewGuid(), [new StockRequest("SKU-2", 4)], Cancellation)).Succeeded.ShouldBeTrue();

        (await Products.WriteOffReleasedAsync(shipped, Cancellation)).ShouldBe(2);
        (await Products.WriteOffReleasedAsync(shipped, Cancellation)).ShouldBe(0);
        (await Products.WriteOffReleasedAsync(Guid.NewGuid(), Cancellation)).ShouldBe(0);

        (await ProductAsync("SKU-1")).ShouldSatisfyAllConditions(p => p.OnHand.ShouldBe(3), p => p.Reserved.ShouldBe(0));
        (await ProductAsync("SKU-2")).ShouldSatisfyAllConditions(p => p.OnHand.ShouldBe(4), p => p.Reserved.ShouldBe(4));
        // Written off counts as settled for good: the order can never reserve again.
        (await Products.ReserveAsync(shipped, [new StockRequest("SKU-1", 1)], Cancellation)).Succeeded.ShouldBeTrue();
        (await ProductAsync("SKU-1")).Reserved.ShouldBe(0);
    }

    [Fact]
    public async Task WriteOffReleased_leaves_held_and_committed_units_alone()
    {
        await StockAsync("SKU-1", onHand: 10);
        var held = Guid.NewGuid();
        var committed = Guid.NewGuid();
        await Products.ReserveAsync(held, [new StockRequest("SKU-1", 2)], Cancellation);
        await Products.ReserveAsync(committed, [new StockRequest("SKU-1", 3)], Cancellation);
        await Products.CommitAsync(committed, Cancellation);

        (await Products.WriteOffReleasedAsync(held, Cancellation)).ShouldBe(0);
        (await Products.WriteOffReleasedAsync(committed, Cancellation)).ShouldBe(0);

        (await ProductAsync("SKU-1")).ShouldSatisfyAllConditions(p => p.OnHand.ShouldBe(7), p => p.Reserved.ShouldBe(2));
    }

    private async Task<Order> StoreFinalAsync(DateTimeOffset at)
    {
        var accepted = TestOrders.Accepted(at: at);
        await Orders.TryAddAsync(accepted, Cancellation);
        var rejected = accepted.Reject(RejectionReason.OutOfStock, "SKU-1", at);
        (await Orders.TryUpdateAsync(rejected, accepted.Version, Cancellation)).ShouldBeTrue();
        return rejected;
    }

    private async Task<Order> StoreRequestAsync(Func<Order, Order> request)
    {
        var accepted = TestOrders.Accepted(at: TestOrders.T0.AddHours(-1));
        await Orders.TryAddAsync(accepted, Cancellation);
        var confirmed = TestOrders.Confirmed(TestOrders.T0.AddHours(-1), TestOrders.T0.AddHours(-1)) with { Id = accepted.Id, Version = 1 };
        var requested = request(confirmed);
        (await Orders.TryUpdateAsync(requested, 1, Cancellation)).ShouldBeTrue();
        return requested;
    }
}
