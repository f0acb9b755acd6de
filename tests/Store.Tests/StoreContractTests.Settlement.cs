using Backend.Domain.Catalog;

using Microsoft.Extensions.DependencyInjection;

namespace Backend.Store.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Reserve_succeeds_without_holding_when_the_order_was_committed_before()
    {
        await StockAsync("SKU-1", onHand: 10);
        var orderId = Guid.NewGuid();
        await Products.ReserveAsync(orderId, [new("SKU-1", 2)], Cancellation);
        await Products.CommitAsync(orderId, Cancellation);

        (await Products.ReserveAsync(orderId, [new("SKU-1", 2)], Cancellation)).ShouldBe(ReservationResult.Reserved);
        await Products.CommitAsync(orderId, Cancellation);

        (await ProductAsync("SKU-1")).ShouldSatisfyAllConditions(p => p.OnHand.ShouldBe(8), p => p.Reserved.ShouldBe(0));
    }

    [Fact]
    public async Task Reserve_succeeds_without_holding_when_the_order_was_released_before()
    {
        await StockAsync("SKU-1", onHand: 10);
        await StockAsync("SKU-2", onHand: 10);
        var orderId = Guid.NewGuid();
        await Products.ReserveAsync(orderId, [new("SKU-1", 2), new("SKU-2", 1)], Cancellation);
        await Products.ReleaseAsync(orderId, Cancellation);

        (await Products.ReserveAsync(orderId, [new("SKU-1", 2), new("SKU-2", 1)], Cancellation)).ShouldBe(ReservationResult.Reserved);
        await Products.CommitAsync(orderId, Cancellation);

        (await Products.ListAsync(Cancellation)).ShouldAllBe(p => p.OnHand == 10 && p.Reserved == 0);
    }

    [Fact]
    public async Task Commit_does_nothing_when_the_order_was_released_and_release_does_nothing_when_it_was_committed()
    {
        await StockAsync("SKU-1", onHand: 10);
        var released = Guid.NewGuid();
        var committed = Guid.NewGuid();
        await Products.ReserveAsync(released, [new("SKU-1", 2)], Cancellation);
        await Products.ReserveAsync(committed, [new("SKU-1", 3)], Cancellation);

        await Products.ReleaseAsync(released, Cancellation);
        await Products.CommitAsync(released, Cancellation);
        await Products.CommitAsync(committed, Cancellation);
        await Products.ReleaseAsync(committed, Cancellation);

        (await ProductAsync("SKU-1")).ShouldSatisfyAllConditions(p => p.OnHand.ShouldBe(7), p => p.Reserved.ShouldBe(0));
    }

    [Fact]
    public async Task Settling_applies_once_when_releases_and_commits_of_an_order_race()
    {
        await StockAsync("SKU-1", onHand: 10);
        var orderId = Guid.NewGuid();
        await Products.ReserveAsync(orderId, [new("SKU-1", 2)], Cancellation);
        var second = (await StartHostAsync()).Services.GetRequiredService<IProductStore>();
        IProductStore[] stores = [Products, second];

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(
            () => i % 2 == 0 ? stores[i / 2 % 2].ReleaseAsync(orderId, Cancellation) : stores[i / 2 % 2].CommitAsync(orderId, Cancellation),
            Cancellation)));

        var product = await ProductAsync("SKU-1");
        product.Reserved.ShouldBe(0);
        product.OnHand.ShouldBeOneOf(8, 10);
        (await Products.ReserveAsync(orderId, [new("SKU-1", 2)], Cancellation)).ShouldBe(ReservationResult.Reserved);
        (await ProductAsync("SKU-1")).Reserved.ShouldBe(0);
    }

    [Fact]
    public async Task Reserve_holds_once_when_two_calls_for_the_same_order_race()
    {
        await StockAsync("SKU-1", onHand: 100);
        await StockAsync("SKU-2", onHand: 100);
        var second = (await StartHostAsync()).Services.GetRequiredService<IProductStore>();

        for (var i = 1; i <= 30; i++)
        {
            var orderId = Guid.NewGuid();
            StockRequest[] lines = [new("SKU-1", 1), new("SKU-2", 2)];

            var results = await Task.WhenAll(
                Task.Run(() => Products.ReserveAsync(orderId, lines, Cancellation), Cancellation),
                Task.Run(() => second.ReserveAsync(orderId, lines, Cancellation), Cancellation));

            results.ShouldAllBe(result => result.Succeeded);
            (await ProductAsync("SKU-1")).Reserved.ShouldBe(i);
            (await ProductAsync("SKU-2")).Reserved.ShouldBe(2 * i);
        }
    }

    [Fact]
    public async Task Reserve_holds_every_line_or_none_when_calls_for_the_same_order_race_a_receipt()
    {
        await StockAsync("SKU-1", onHand: 100);
        await StockAsync("SKU-2", onHand: 0);
        var second = (await StartHostAsync()).Services.GetRequiredService<IProductStore>();

        // The receipt lands while both calls run, so one may find SKU-2 short and the other find it in stock:
        // neither may undo what the other holds, and an order that any call reports reserved holds every line.
        for (var i = 0; i < 30; i++)
        {
            var orderId = Guid.NewGuid();
            StockRequest[] lines = [new("SKU-1", 1), new("SKU-2", 1)];

            var first = Task.Run(() => Products.ReserveAsync(orderId, lines, Cancellation), Cancellation);
            var other = Task.Run(() => second.ReserveAsync(orderId, lines, Cancellation), Cancellation);
            var receipt = Task.Run(() => Products.ReceiveAsync("SKU-2", 1, $"receipt-{i}", Cancellation), Cancellation);
            await Task.WhenAll(first, other, receipt);

            (await receipt).ShouldBe(ReceiptOutcome.Counted);
            var held = (await first).Succeeded || (await other).Succeeded ? 1 : 0;
            (await ProductAsync("SKU-1")).Reserved.ShouldBe(held);
            (await ProductAsync("SKU-2")).Reserved.ShouldBe(held);
            await Products.CommitAsync(orderId, Cancellation);
            await TakeAvailableAsync("SKU-2");
        }
    }

    private async Task TakeAvailableAsync(string sku)
    {
        var available = (await ProductAsync(sku)).Available;
        if (available > 0)
        {
            var orderId = Guid.NewGuid();
            (await Products.ReserveAsync(orderId, [new(sku, available)], Cancellation)).Succeeded.ShouldBeTrue();
            await Products.CommitAsync(orderId, Cancellation);
        }
    }
}
