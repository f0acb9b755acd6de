using Backend.Contracts.Reports;
using Backend.Domain.Catalog;
using Backend.Domain.Jobs;
using Backend.Domain.Orders;
using Backend.Fulfilment.Jobs;
using Backend.Integration.Tests.Infrastructure;

namespace Backend.Integration.Tests.Jobs;

/// <summary>The recurring jobs inside real workers hosts, fired every second instead of on their production cron.</summary>
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

    [Fact]
    public async Task Three_worker_hosts_on_MongoDB_run_every_fire_time_exactly_once()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var reports = await EventTap.BindAsync<DailySalesReportReady>(broker.AmqpUri);
        await using var stack = await BackendStack.StartAsync(
            broker, workerCount: 3, JobSettings.Nullable(JobSettings.Only(nameof(JobsOptions.DailySalesReport), "* * * * * ?")), useMongo: true);
        var from = DateTimeOffset.UtcNow.AddSeconds(1);
        await Task.Delay(TimeSpan.FromSeconds(12), cancellationToken);
        await stack.StopWorkersAsync();

        var runs = (await stack.Jobs.ListRunsAsync(JobNames.DailySalesReport, 1, 1000, cancellationToken)).Items;
        var firstSecond = new DateTimeOffset(from.Ticks - from.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var window = runs.Where(run => run.FireTime >= firstSecond && run.FireTime <= firstSecond.AddSeconds(10)).ToList();
        window.Select(run => run.FireTime).ShouldBe(Enumerable.Range(0, 11).Select(second => firstSecond.AddSeconds(second)), ignoreOrder: true);
        window.ShouldAllBe(run => run.Status == JobRunStatus.Succeeded);
        runs.GroupBy(run => run.FireTime).ShouldAllBe(group => group.Count() == 1);
        (await reports.CountAsync()).ShouldBe((uint)runs.Count(run => run.Status == JobRunStatus.Succeeded));
    }
}
