using Backend.Contracts.Catalog;
using Backend.Fulfilment.Catalog;
using Backend.Fulfilment.Jobs;
using Backend.Fulfilment.Tests.Infrastructure;

using Microsoft.Extensions.DependencyInjection;

namespace Backend.Fulfilment.Tests.Jobs;

public sealed class LowStockScanJobTests
{
    [Fact]
    public async Task Announces_a_product_below_its_reorder_point_once_per_crossing()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 3, reorderPoint: 5);
        await fixture.SeedProductAsync("DESK", onHand: 9, reorderPoint: 5);

        (await fixture.RunJobAsync(JobNames.LowStockScan)).ShouldBe("checked 2 products, announced 1 below their reorder point");
        (await fixture.RunJobAsync(JobNames.LowStockScan)).ShouldBe("checked 2 products, announced 0 below their reorder point");
        fixture.Harness.PublishedSoFar<StockLow>(_ => true).ShouldHaveSingleItem().ShouldBe(new StockLow("LAMP", 3, 5));

        // Back above, then below again: a second crossing, announced again.
        await fixture.Products.ReceiveAsync("LAMP", 10, "receipt-refill", TestContext.Current.CancellationToken);
        await fixture.RunJobAsync(JobNames.LowStockScan);
        (await fixture.ProductAsync("LAMP")).BelowReorderPoint.ShouldBeFalse();
        await fixture.AddAsync(Domain.Orders.OrderStatus.Reserved, FulfilmentHarness.Now, "LAMP", 11);
        await fixture.RunJobAsync(JobNames.LowStockScan);
        fixture.Harness.PublishedSoFar<StockLow>(_ => true).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Leaves_a_crossing_a_consumer_already_announced()
    {
        await using var fixture = await FulfilmentHarness.StartAsync();
        await fixture.SeedProductAsync("LAMP", onHand: 3, reorderPoint: 5);
        using (var scope = fixture.Services.CreateScope())
        {
            // The consumers' own check, as a reservation that took the product below would run it.
            await scope.ServiceProvider.GetRequiredService<StockLevels>().CheckAsync(["LAMP"], TestContext.Current.CancellationToken);
        }

        (await fixture.RunJobAsync(JobNames.LowStockScan)).ShouldBe("checked 1 products, announced 0 below their reorder point");
        fixture.Harness.PublishedSoFar<StockLow>(_ => true).ShouldHaveSingleItem();
    }
}
