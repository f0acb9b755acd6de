namespace Backend.Store.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Low_stock_flag_reports_true_only_for_the_call_that_changes_it()
    {
        await StockAsync("SKU-1", onHand: 1, reorderPoint: 5);

        (await Products.TrySetBelowReorderPointAsync("SKU-1", true, Cancellation)).ShouldBeTrue();
        (await Products.TrySetBelowReorderPointAsync("SKU-1", true, Cancellation)).ShouldBeFalse();
        (await ProductAsync("SKU-1")).BelowReorderPoint.ShouldBeTrue();
        await Products.ReceiveAsync("SKU-1", 4, "receipt-1", Cancellation);
        (await Products.TrySetBelowReorderPointAsync("SKU-1", false, Cancellation)).ShouldBeTrue();
        (await Products.TrySetBelowReorderPointAsync("SKU-1", false, Cancellation)).ShouldBeFalse();
        (await ProductAsync("SKU-1")).BelowReorderPoint.ShouldBeFalse();
        (await Products.TrySetBelowReorderPointAsync("NOPE", true, Cancellation)).ShouldBeFalse();
    }

    [Fact]
    public async Task Low_stock_flag_is_won_by_one_caller_when_callers_race()
    {
        await StockAsync("SKU-1", onHand: 1, reorderPoint: 5);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => Products.TrySetBelowReorderPointAsync("SKU-1", true, Cancellation), Cancellation)));

        results.Count(won => won).ShouldBe(1);
    }

    [Fact]
    public async Task Low_stock_flag_is_not_set_when_available_is_at_or_above_the_reorder_point()
    {
        await StockAsync("SKU-1", onHand: 5, reorderPoint: 5);

        (await Products.TrySetBelowReorderPointAsync("SKU-1", true, Cancellation)).ShouldBeFalse();

        (await ProductAsync("SKU-1")).BelowReorderPoint.ShouldBeFalse();
    }

    [Fact]
    public async Task Low_stock_flag_is_not_cleared_while_available_is_still_below_the_reorder_point()
    {
        await StockAsync("SKU-1", onHand: 4, reorderPoint: 5);
        (await Products.TrySetBelowReorderPointAsync("SKU-1", true, Cancellation)).ShouldBeTrue();

        (await Products.TrySetBelowReorderPointAsync("SKU-1", false, Cancellation)).ShouldBeFalse();

        (await ProductAsync("SKU-1")).BelowReorderPoint.ShouldBeTrue();
    }

    [Fact]
    public async Task Low_stock_flag_counts_reserved_units_as_gone()
    {
        await StockAsync("SKU-1", onHand: 10, reorderPoint: 5);
        var orderId = Guid.NewGuid();
        await Products.ReserveAsync(orderId, [new("SKU-1", 6)], Cancellation);

        (await Products.TrySetBelowReorderPointAsync("SKU-1", true, Cancellation)).ShouldBeTrue();
        await Products.ReleaseAsync(orderId, Cancellation);
        (await Products.TrySetBelowReorderPointAsync("SKU-1", false, Cancellation)).ShouldBeTrue();
    }

    [Fact]
    public async Task Low_stock_flag_stays_when_the_recovery_it_was_cleared_for_is_reserved_away_before_the_flip()
    {
        await StockAsync("SKU-1", onHand: 4, reorderPoint: 5);
        await Products.TrySetBelowReorderPointAsync("SKU-1", true, Cancellation);
        await Products.ReceiveAsync("SKU-1", 6, "receipt-1", Cancellation);
        var read = await ProductAsync("SKU-1");
        await Products.ReserveAsync(Guid.NewGuid(), [new("SKU-1", 7)], Cancellation);

        read.RecoveredFromReorderPoint.ShouldBeTrue();
        (await Products.TrySetBelowReorderPointAsync("SKU-1", false, Cancellation)).ShouldBeFalse();

        // The reservation's own check found the flag still set and announced nothing: clearing it would lose this crossing.
        (await ProductAsync("SKU-1")).ShouldSatisfyAllConditions(p => p.Available.ShouldBe(3), p => p.BelowReorderPoint.ShouldBeTrue());
    }
}
