using Backend.Domain.Orders;

namespace Backend.Store.Tests;

public abstract partial class StoreContractTests
{
    // 123.4567 ms past T0: a BSON date keeps 123 ms of it, so every store must keep exactly that.
    private static readonly DateTimeOffset SubMillisecond = TestOrders.T0.AddTicks(1_234_567);
    private static readonly DateTimeOffset AtMillisecond = TestOrders.T0.AddMilliseconds(123);

    [Fact]
    public async Task Instants_read_back_at_the_millisecond_in_every_store()
    {
        var accepted = TestOrders.Accepted(at: SubMillisecond);
        await Orders.TryAddAsync(accepted, Cancellation);
        var confirmed = accepted.Reserve(TestOrders.Quote(accepted), SubMillisecond.AddTicks(1)).Confirm("auth-1", SubMillisecond.AddTicks(2));
        (await Orders.TryUpdateAsync(confirmed, accepted.Version, Cancellation)).ShouldBeTrue();

        var found = await Orders.FindAsync(accepted.Id, Cancellation);

        found.ShouldNotBeNull();
        found.AcceptedAt.ShouldBe(AtMillisecond);
        found.UpdatedAt.ShouldBe(AtMillisecond);
        found.ConfirmedAt.ShouldBe(AtMillisecond);
        found.Timeline.Select(entry => entry.At).ShouldBe([AtMillisecond, AtMillisecond, AtMillisecond]);
    }

    [Fact]
    public async Task Cutoffs_compare_at_the_millisecond_in_every_store()
    {
        var order = TestOrders.Accepted(at: SubMillisecond);
        await Orders.TryAddAsync(order, Cancellation);
        OrderStatus[] accepted = [OrderStatus.Accepted];

        // 123.5 ms is 123 ms at store precision: not after the order's 123 ms, so it is not "before" the cutoff.
        (await Orders.FindAcceptedBeforeAsync(accepted, TestOrders.T0.AddTicks(1_235_000), 10, Cancellation)).ShouldBeEmpty();
        (await Orders.FindStaleAsync(accepted, TestOrders.T0.AddTicks(1_235_000), 10, Cancellation)).ShouldBeEmpty();
        (await Orders.ListAsync(new OrderQuery(AcceptedFrom: TestOrders.T0.AddTicks(1_235_000)), Cancellation)).TotalCount.ShouldBe(1);

        (await Orders.FindAcceptedBeforeAsync(accepted, AtMillisecond.AddMilliseconds(1), 10, Cancellation)).ShouldHaveSingleItem();
        (await Orders.FindStaleAsync(accepted, AtMillisecond.AddMilliseconds(1), 10, Cancellation)).ShouldHaveSingleItem();
        (await Orders.ListAsync(new OrderQuery(AcceptedTo: AtMillisecond.AddTicks(9_999)), Cancellation)).TotalCount.ShouldBe(0);
    }
}
