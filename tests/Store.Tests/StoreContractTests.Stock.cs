using Backend.Domain.Catalog;

using Microsoft.Extensions.DependencyInjection;

namespace Backend.Store.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Reserve_holds_every_line_when_all_are_available()
    {
        await StockAsync("SKU-1", onHand: 5);
        await StockAsync("SKU-2", onHand: 5);

        var result = await Products.ReserveAsync(Guid.NewGuid(), [new("SKU-1", 2), new("SKU-2", 5)], Cancellation);

        result.ShouldBe(ReservationResult.Reserved);
        (await ProductAsync("SKU-1")).Reserved.ShouldBe(2);
        (await ProductAsync("SKU-2")).Available.ShouldBe(0);
    }

    [Fact]
    public async Task Reserve_holds_nothing_and_names_the_short_sku_when_a_later_line_is_short()
    {
        await StockAsync("SKU-1", onHand: 5);
        await StockAsync("SKU-2", onHand: 1);
        await StockAsync("SKU-3", onHand: 5);
        var orderId = Guid.NewGuid();

        var result = await Products.ReserveAsync(orderId, [new("SKU-1", 2), new("SKU-2", 2), new("SKU-3", 1)], Cancellation);

        result.ShouldBe(ReservationResult.OutOfStock("SKU-2"));
        (await Products.ListAsync(Cancellation)).ShouldAllBe(product => product.Reserved == 0);
        (await Products.ReserveAsync(orderId, [new("SKU-1", 2)], Cancellation)).Succeeded.ShouldBeTrue();
        (await ProductAsync("SKU-1")).Reserved.ShouldBe(2);
    }

    [Fact]
    public async Task Reserve_names_the_sku_when_the_product_is_missing()
    {
        await StockAsync("SKU-1", onHand: 5);

        (await Products.ReserveAsync(Guid.NewGuid(), [new("SKU-1", 1), new("NOPE", 1)], Cancellation))
            .ShouldBe(ReservationResult.OutOfStock("NOPE"));
        (await ProductAsync("SKU-1")).Reserved.ShouldBe(0);
    }

    [Fact]
    public async Task Reserve_holds_once_when_called_again_for_the_same_order()
    {
        await StockAsync("SKU-1", onHand: 5);
        await StockAsync("SKU-2", onHand: 5);
        var orderId = Guid.NewGuid();
        StockRequest[] lines = [new("SKU-1", 2), new("SKU-2", 3)];

        (await Products.ReserveAsync(orderId, lines, Cancellation)).Succeeded.ShouldBeTrue();
        (await Products.ReserveAsync(orderId, lines, Cancellation)).Succeeded.ShouldBeTrue();

        (await ProductAsync("SKU-1")).Reserved.ShouldBe(2);
        (await ProductAsync("SKU-2")).Reserved.ShouldBe(3);
    }

    [Fact]
    public async Task Reserve_sums_the_lines_of_a_sku_when_an_order_repeats_it()
    {
        await StockAsync("SKU-1", onHand: 5);

        (await Products.ReserveAsync(Guid.NewGuid(), [new("SKU-1", 3), new("SKU-1", 3)], Cancellation))
            .ShouldBe(ReservationResult.OutOfStock("SKU-1"));
        (await Products.ReserveAsync(Guid.NewGuid(), [new("SKU-1", 2), new("SKU-1", 2)], Cancellation)).Succeeded.ShouldBeTrue();

        (await ProductAsync("SKU-1")).Reserved.ShouldBe(4);
    }

    [Fact]
    public async Task Release_gives_the_units_back_once_when_called_twice()
    {
        await StockAsync("SKU-1", onHand: 5);
        await StockAsync("SKU-2", onHand: 5);
        var orderId = Guid.NewGuid();
        var other = Guid.NewGuid();
        await Products.ReserveAsync(orderId, [new("SKU-1", 2), new("SKU-2", 1)], Cancellation);
        await Products.ReserveAsync(other, [new("SKU-1", 1)], Cancellation);

        await Products.ReleaseAsync(orderId, Cancellation);
        await Products.ReleaseAsync(orderId, Cancellation);

        (await ProductAsync("SKU-1")).ShouldSatisfyAllConditions(p => p.OnHand.ShouldBe(5), p => p.Reserved.ShouldBe(1));
        (await ProductAsync("SKU-2")).ShouldSatisfyAllConditions(p => p.OnHand.ShouldBe(5), p => p.Reserved.ShouldBe(0));
    }

    [Fact]
    public async Task Release_and_commit_do_nothing_when_the_order_holds_no_stock()
    {
        await StockAsync("SKU-1", onHand: 5);
        await Products.ReserveAsync(Guid.NewGuid(), [new("SKU-1", 2)], Cancellation);

        await Products.ReleaseAsync(Guid.NewGuid(), Cancellation);
        await Products.CommitAsync(Guid.NewGuid(), Cancellation);

        (await ProductAsync("SKU-1")).ShouldSatisfyAllConditions(p => p.OnHand.ShouldBe(5), p => p.Reserved.ShouldBe(2));
    }

    [Fact]
    public async Task Commit_takes_the_units_off_on_hand_and_reserved_once_when_called_twice()
    {
        await StockAsync("SKU-1", onHand: 5);
        var orderId = Guid.NewGuid();
        await Products.ReserveAsync(orderId, [new("SKU-1", 2)], Cancellation);

        await Products.CommitAsync(orderId, Cancellation);
        await Products.CommitAsync(orderId, Cancellation);
        await Products.ReleaseAsync(orderId, Cancellation);

        (await ProductAsync("SKU-1")).ShouldSatisfyAllConditions(
            p => p.OnHand.ShouldBe(3), p => p.Reserved.ShouldBe(0), p => p.Available.ShouldBe(3));
    }

    [Fact]
    public async Task Reserve_never_oversells_when_many_orders_race_through_two_store_instances()
    {
        await StockAsync("SKU-1", onHand: 10);
        var second = (await StartHostAsync()).Services.GetRequiredService<IProductStore>();
        IProductStore[] stores = [Products, second];

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(
            () => stores[i % 2].ReserveAsync(Guid.NewGuid(), [new("SKU-1", 1)], Cancellation), Cancellation)));

        results.Count(result => result.Succeeded).ShouldBe(10);
        results.Where(result => !result.Succeeded).ShouldAllBe(result => result.ShortSku == "SKU-1");
        var product = await second.FindAsync("SKU-1", Cancellation);
        product!.ShouldSatisfyAllConditions(p => p.Reserved.ShouldBe(10), p => p.Available.ShouldBe(0), p => p.OnHand.ShouldBe(10));
    }
}
