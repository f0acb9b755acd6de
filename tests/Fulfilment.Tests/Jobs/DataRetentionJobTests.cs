using Backend.Domain.Catalog;
using Backend.Domain.Jobs;
using Backend.Domain.Orders;
using Backend.Fulfilment.Jobs;
using Backend.Fulfilment.Tests.Infrastructure;

using Microsoft.Extensions.DependencyInjection;

namespace Backend.Fulfilment.Tests.Jobs;

public sealed class DataRetentionJobTests
{
    [Fact]
    public async Task Removes_what_outlived_its_window_and_keeps_orders_held_stock_and_recent_entries()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var fixture = await FulfilmentHarness.StartAsync();
        var jobs = fixture.Services.GetRequiredService<IJobStore>();
        await fixture.SeedProductAsync("LAMP", onHand: 50);

        // Day 0: a keyed order, a released and a held reservation, a receipt, a run of a job.
        var keyed = await AddKeyedAsync(fixture, "key-old");
        var released = Guid.CreateVersion7();
        (await fixture.Products.ReserveAsync(released, [new StockRequest("LAMP", 1)], cancellationToken)).Succeeded.ShouldBeTrue();
        await fixture.Products.ReleaseAsync(released, cancellationToken);
        var held = Guid.CreateVersion7();
        (await fixture.Products.ReserveAsync(held, [new StockRequest("LAMP", 2)], cancellationToken)).Succeeded.ShouldBeTrue();
        (await fixture.Products.ReceiveAsync("LAMP", 1, "receipt-old", cancellationToken)).ShouldBe(ReceiptOutcome.Counted);
        await RecordRunAsync(jobs, fixture.Time.GetUtcNow());

        // Day 30: a committed reservation, a receipt and a run, all still inside their 30 days at the run.
        fixture.Time.Advance(TimeSpan.FromDays(30));
        var committed = Guid.CreateVersion7();
        (await fixture.Products.ReserveAsync(committed, [new StockRequest("LAMP", 1)], cancellationToken)).Succeeded.ShouldBeTrue();
        await fixture.Products.CommitAsync(committed, cancellationToken);
        (await fixture.Products.ReceiveAsync("LAMP", 1, "receipt-new", cancellationToken)).ShouldBe(ReceiptOutcome.Counted);
        await RecordRunAsync(jobs, fixture.Time.GetUtcNow());

        // Day 31: a key an hour old, inside its 24 hours.
        fixture.Time.Advance(TimeSpan.FromDays(1));
        await AddKeyedAsync(fixture, "key-new", fixture.Time.GetUtcNow().AddHours(-1));

        var summary = await fixture.RunJobAsync(JobNames.DataRetention);

        // The seed's receipt and receipt-old went; the released reservation went; the day-0 run went.
        summary.ShouldBe("removed 1 idempotency keys, 1 settled reservations, 2 receipt ids, 1 job runs, 0 discarded failed messages");
        (await fixture.Orders.FindByIdempotencyKeyAsync(Messages.Customer, "key-old", cancellationToken)).ShouldBeNull();
        (await fixture.Orders.FindAsync(keyed.Id, cancellationToken)).ShouldNotBeNull();
        (await fixture.Orders.FindByIdempotencyKeyAsync(Messages.Customer, "key-new", cancellationToken)).ShouldNotBeNull();
        (await fixture.Products.ListHeldReservationsAsync(cancellationToken)).Select(reservation => reservation.OrderId).ShouldBe([held]);
        // A receipt past its window counts again if it comes back; one inside it is still a duplicate.
        (await fixture.Products.ReceiveAsync("LAMP", 1, "receipt-old", cancellationToken)).ShouldBe(ReceiptOutcome.Counted);
        (await fixture.Products.ReceiveAsync("LAMP", 1, "receipt-new", cancellationToken)).ShouldBe(ReceiptOutcome.Duplicate);
        // A committed order's reservation is still known: it does not reserve again.
        (await fixture.Products.ReserveAsync(committed, [new StockRequest("LAMP", 1)], cancellationToken)).Succeeded.ShouldBeTrue();
        (await fixture.ProductAsync("LAMP")).Reserved.ShouldBe(2);
        (await jobs.ListRunsAsync(JobNames.DataRetention, 1, 10, cancellationToken)).Items
            .ShouldHaveSingleItem().FireTime.ShouldBe(fixture.Time.GetUtcNow().AddDays(-1));
    }

    [Fact]
    public async Task Windows_come_from_configuration()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var fixture = await FulfilmentHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Orders:IdempotencyKeyRetention"] = "02:00:00",
            ["Retention:StockReceipts"] = "2.00:00:00",
        });
        await fixture.SeedProductAsync("LAMP", onHand: 5);
        await AddKeyedAsync(fixture, "key-3h", fixture.Time.GetUtcNow().AddHours(-3));
        fixture.Time.Advance(TimeSpan.FromDays(2) + TimeSpan.FromSeconds(1));

        (await fixture.RunJobAsync(JobNames.DataRetention)).ShouldBe("removed 1 idempotency keys, 0 settled reservations, 1 receipt ids, 0 job runs, 0 discarded failed messages");
        (await fixture.Orders.FindByIdempotencyKeyAsync(Messages.Customer, "key-3h", cancellationToken)).ShouldBeNull();
    }

    private static async Task<Order> AddKeyedAsync(FulfilmentHarness fixture, string key, DateTimeOffset? at = null)
    {
        var order = Order.Accept(
            Guid.CreateVersion7(), Messages.Customer, [new OrderLine("LAMP", 1)], Messages.ApprovingToken, new ShipTo("US"),
            at ?? fixture.Time.GetUtcNow(), new IdempotencyRecord(key, "fingerprint"));
        (await fixture.Orders.TryAddAsync(order, TestContext.Current.CancellationToken)).ShouldBe(AddOrderOutcome.Added);
        return order;
    }

    private static async Task RecordRunAsync(IJobStore jobs, DateTimeOffset fireTime) =>
        (await jobs.TryRecordAsync(
            new JobRun(Guid.CreateVersion7(), JobNames.DataRetention, fireTime, JobRunTrigger.Schedule, JobRunStatus.Succeeded, FinishedAt: fireTime),
            TestContext.Current.CancellationToken)).ShouldBeTrue();
}
