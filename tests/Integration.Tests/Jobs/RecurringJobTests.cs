using Backend.Domain.Catalog;
using Backend.Domain.Orders;
using Backend.Fulfilment.Jobs;
using Backend.Integration.Tests.Infrastructure;

namespace Backend.Integration.Tests.Jobs;

/// <summary>The Quartz jobs inside a real workers host, fired every second instead of on their production cron.</summary>
[Collection(BrokerCollection.Name)]
public sealed class RecurringJobTests(RabbitMqBroker broker)
{
    private static Order StoredAccepted(string sku, DateTimeOffset at) =>
        Order.Accept(Guid.CreateVersion7(), "jobs-customer", [new OrderLine(sku, 1)], "tok_visa", new ShipTo("US"), at);

    [Fact]
    public async Task Order_whose_submit_was_lost_is_re_driven_to_confirmation()
    {
        await using var stack = await BackendStack.StartAsync(broker, workerSettings: new Dictionary<string, string?>
        {
            ["Jobs:OrderRedrive:Cron"] = "0/1 * * * * ?",
        });
        await stack.SeedProductAsync("JOB-REDRIVE", onHand: 2);

        // Stored as the ingress stores it, but never published: as if the broker had been down. Stored longer ago
        // than RedriveAfter (which must outlast the message retries), so the first run re-sends it.
        var order = StoredAccepted("JOB-REDRIVE", DateTimeOffset.UtcNow - new JobsOptions().RedriveAfter - TimeSpan.FromSeconds(1));
        (await stack.Orders.TryAddAsync(order, TestContext.Current.CancellationToken)).ShouldBe(AddOrderOutcome.Added);

        (await stack.WaitForFinalAsync(order.Id)).GetProperty("status").GetString().ShouldBe("Confirmed");
    }

    [Fact]
    public async Task Order_not_confirmed_in_time_expires_and_releases_its_stock()
    {
        await using var stack = await BackendStack.StartAsync(broker, workerSettings: new Dictionary<string, string?>
        {
            ["Jobs:OrderExpiry:Cron"] = "0/1 * * * * ?",
            ["Jobs:ExpireAfter"] = "00:15:00",
            // Never in this test: the order is stale for the re-drive too, and must expire rather than confirm.
            ["Jobs:OrderRedrive:Cron"] = "0 0 0 1 1 ? 2099",
        });
        await stack.SeedProductAsync("JOB-EXPIRE", onHand: 2);
        var cancellationToken = TestContext.Current.CancellationToken;
        var order = StoredAccepted("JOB-EXPIRE", DateTimeOffset.UtcNow.AddMinutes(-16));
        await stack.Orders.TryAddAsync(order, cancellationToken);
        (await stack.Products.ReserveAsync(order.Id, [new StockRequest("JOB-EXPIRE", 1)], cancellationToken)).Succeeded.ShouldBeTrue();

        await stack.WaitForOrderAsync(order.Id, status => status == "Expired");

        var product = await Eventually.GetAsync(ct => stack.Products.FindAsync("JOB-EXPIRE", ct), found => found!.Reserved == 0, "the stock release");
        product!.Available.ShouldBe(2);
    }
}
