using Backend.Domain.Catalog;

namespace Backend.Store.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Running_totals_follow_every_move_of_on_hand()
    {
        await StockAsync("SKU-1", onHand: 10);
        await Products.ReceiveAsync("SKU-1", 5, "GRN-2", Cancellation);
        await Products.ReceiveAsync("SKU-1", 5, "GRN-2", Cancellation);
        var shipped = Guid.NewGuid();
        var writtenOff = Guid.NewGuid();
        await Products.ReserveAsync(shipped, [new StockRequest("SKU-1", 4)], Cancellation);
        await Products.CommitAsync(shipped, Cancellation);
        await Products.ReserveAsync(writtenOff, [new StockRequest("SKU-1", 2)], Cancellation);
        await Products.ReleaseAsync(writtenOff, Cancellation);
        await Products.WriteOffReleasedAsync(writtenOff, Cancellation);
        await Products.ReserveAsync(Guid.NewGuid(), [new StockRequest("SKU-1", 3)], Cancellation);
        await StockAsync("SKU-2", onHand: 0);

        var counters = await Products.ListStockCountersAsync(Cancellation);

        counters.ShouldBe([new StockCounters("SKU-1", 9, 3, 15, 6), new StockCounters("SKU-2", 0, 0, 0, 0)]);
    }

    [Fact]
    public async Task Held_reservations_list_what_is_held_and_nothing_settled()
    {
        await StockAsync("SKU-1", onHand: 10);
        await StockAsync("SKU-2", onHand: 10);
        var holding = Guid.NewGuid();
        var released = Guid.NewGuid();
        var committed = Guid.NewGuid();
        await Products.ReserveAsync(holding, [new StockRequest("SKU-1", 2), new StockRequest("SKU-2", 1)], Cancellation);
        await Products.ReserveAsync(released, [new StockRequest("SKU-1", 1)], Cancellation);
        await Products.ReleaseAsync(released, Cancellation);
        await Products.ReserveAsync(committed, [new StockRequest("SKU-2", 3)], Cancellation);
        await Products.CommitAsync(committed, Cancellation);

        var held = await Products.ListHeldReservationsAsync(Cancellation);

        held.ShouldBe([new HeldReservation(holding, "SKU-1", 2), new HeldReservation(holding, "SKU-2", 1)], ignoreOrder: true);
    }
}
