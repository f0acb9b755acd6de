using Backend.Domain.Catalog;
using Backend.Domain.Orders;

namespace Backend.Store.Tests;

public abstract partial class StoreContractTests
{
    private static readonly DateTimeOffset RetentionCutoff = TestOrders.T0.AddDays(5);

    [Fact]
    public async Task Idempotency_keys_of_orders_accepted_before_the_cutoff_go_and_the_orders_stay()
    {
        var old = TestOrders.Confirmed(TestOrders.T0, TestOrders.T0) with { Idempotency = new IdempotencyRecord("key-old", "fingerprint") };
        var recent = TestOrders.Accepted(at: TestOrders.T0.AddDays(10), idempotencyKey: "key-recent");
        var keyless = TestOrders.Accepted(at: TestOrders.T0);
        foreach (var order in new[] { old, recent, keyless })
        {
            (await Orders.TryAddAsync(order, Cancellation)).ShouldBe(AddOrderOutcome.Added);
        }

        (await Orders.RemoveIdempotencyKeysBeforeAsync(RetentionCutoff, Cancellation)).ShouldBe(1);
        (await Orders.RemoveIdempotencyKeysBeforeAsync(RetentionCutoff, Cancellation)).ShouldBe(0);

        (await Orders.FindByIdempotencyKeyAsync("customer-1", "key-old", Cancellation)).ShouldBeNull();
        var kept = await Orders.FindAsync(old.Id, Cancellation);
        kept.ShouldNotBeNull();
        kept.Idempotency.ShouldBeNull();
        (kept.Version, kept.Status, kept.Totals).ShouldBe((old.Version, old.Status, old.Totals));
        Text(kept.Totals!.Discount, kept.Totals.Total).ShouldBe("0.00 64.77");
        (await Orders.TryUpdateAsync(kept.Ship(new Shipment("DHL", "JD1"), TestOrders.T0.AddDays(6)), kept.Version, Cancellation)).ShouldBeTrue();
        (await Orders.FindByIdempotencyKeyAsync("customer-1", "key-recent", Cancellation))!.Id.ShouldBe(recent.Id);
        var reused = TestOrders.Accepted(at: TestOrders.T0.AddDays(11), idempotencyKey: "key-old");
        (await Orders.TryAddAsync(reused, Cancellation)).ShouldBe(AddOrderOutcome.Added);
        (await Orders.FindByIdempotencyKeyAsync("customer-1", "key-old", Cancellation))!.Id.ShouldBe(reused.Id);
    }

    [Fact]
    public async Task Settled_reservations_before_the_cutoff_go_and_held_or_recent_ones_stay()
    {
        await StockAsync("SKU-1", onHand: 20);
        Guid released = Guid.NewGuid(), committed = Guid.NewGuid(), held = Guid.NewGuid(), recent = Guid.NewGuid();
        foreach (var order in new[] { released, committed, held, recent })
        {
            (await Products.ReserveAsync(order, [new StockRequest("SKU-1", 2)], Cancellation)).Succeeded.ShouldBeTrue();
        }

        await Products.ReleaseAsync(released, Cancellation);
        await Products.CommitAsync(committed, Cancellation);
        Clock.Advance(TimeSpan.FromDays(10));
        await Products.ReleaseAsync(recent, Cancellation);

        (await Products.RemoveSettledReservationsBeforeAsync(RetentionCutoff, Cancellation)).ShouldBe(2);
        (await Products.RemoveSettledReservationsBeforeAsync(RetentionCutoff, Cancellation)).ShouldBe(0);

        (await Products.ListHeldReservationsAsync(Cancellation)).ShouldBe([new HeldReservation(held, "SKU-1", 2)]);
        // A removed reservation no longer tells the order apart from a new one; a recent one still does.
        (await Products.ReserveAsync(released, [new StockRequest("SKU-1", 1)], Cancellation)).Succeeded.ShouldBeTrue();
        (await Products.ReserveAsync(recent, [new StockRequest("SKU-1", 1)], Cancellation)).Succeeded.ShouldBeTrue();
        (await ProductAsync("SKU-1")).ShouldSatisfyAllConditions(p => p.OnHand.ShouldBe(18), p => p.Reserved.ShouldBe(3));
    }

    [Fact]
    public async Task Receipts_before_the_cutoff_go_so_a_redelivery_counts_again_and_recent_ones_still_count_once()
    {
        await StockAsync("SKU-1", onHand: 0);
        (await Products.ReceiveAsync("SKU-1", 5, "receipt-old", Cancellation)).ShouldBe(ReceiptOutcome.Counted);
        Clock.Advance(TimeSpan.FromDays(10));
        (await Products.ReceiveAsync("SKU-1", 3, "receipt-recent", Cancellation)).ShouldBe(ReceiptOutcome.Counted);

        (await Products.RemoveReceiptsBeforeAsync(RetentionCutoff, Cancellation)).ShouldBe(1);
        (await Products.RemoveReceiptsBeforeAsync(RetentionCutoff, Cancellation)).ShouldBe(0);

        (await Products.ReceiveAsync("SKU-1", 5, "receipt-old", Cancellation)).ShouldBe(ReceiptOutcome.Counted);
        (await Products.ReceiveAsync("SKU-1", 3, "receipt-recent", Cancellation)).ShouldBe(ReceiptOutcome.Duplicate);
        (await ProductAsync("SKU-1")).OnHand.ShouldBe(13);
    }
}
