using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

using Backend.Integration.Tests.Infrastructure;

namespace Backend.Integration.Tests.Faults;

/// <summary>
/// A workers process dies by SIGKILL while orders are in flight and is started again: the broker hands its
/// unacknowledged messages to the other worker, the re-drive job re-sends what was left half done, and every
/// order still ends exactly once, with stock that adds up.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class WorkerCrashTests(KillableBroker broker) : IClassFixture<KillableBroker>
{
    private static readonly string[] Skus = ["WK-A", "WK-B", "WK-C", "WK-D", "WK-E"];

    [Fact]
    public async Task Every_order_ends_once_with_matching_stock_when_a_worker_is_killed_mid_load()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var orders = FaultLoad.Orders;
        var kills = FaultLoad.Kills;
        // Less stock than the load asks for, so some orders are rejected OutOfStock after others reserved.
        var openingStock = Math.Max(20, orders * 2 / 5);
        var seed = Skus.Select(sku => new SeedStock(sku, openingStock)).ToList();
        await using var stack = await ProcessStack.StartAsync(broker, workerCount: 2, seed);
        await stack.GuardAsync(async () =>
        {
            var timer = Stopwatch.StartNew();
            using var client = stack.Client();
            using var operatorClient = stack.Client(TestKeys.Operator);
            var load = new OrderLoad(client, Skus, orders, FaultLoad.Concurrency, cancelSome: true);
            var running = load.RunAsync(cancellationToken);

            var inProgressAtKill = new List<int>();
            var restartTimes = new List<TimeSpan>();
            var receiptsBooked = 0;
            for (var kill = 1; kill <= kills; kill++)
            {
                await load.WhenSubmittedAsync(orders * kill / (kills + 1), cancellationToken);
                var victim = stack.Workers[(kill - 1) % stack.Workers.Count];
                inProgressAtKill.Add(await FaultChecks.CountInProgressAsync(stack));
                await victim.KillAsync();

                // A receipt arrives while a worker is down, and is sent twice, as a retrying warehouse would.
                for (var copy = 0; copy < 2; copy++)
                {
                    using var receipt = await operatorClient.PostAsJsonAsync(
                        $"/api/products/{Skus[0]}/stock-receipts", new { quantity = 10, receiptId = $"GRN-KILL-{kill}" }, cancellationToken);
                    receipt.StatusCode.ShouldBe(HttpStatusCode.Accepted);
                }

                receiptsBooked += 10;
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                restartTimes.Add(await victim.StartAsync(cancellationToken));
            }

            await running;
            var loadTime = timer.Elapsed;
            var received = Skus.ToDictionary(sku => sku, sku => openingStock + (sku == Skus[0] ? receiptsBooked : 0));
            var expected = new AuditExpectations(load.AcceptedOrders, received);
            var settled = await FaultChecks.WaitForInvariantsAsync(stack, expected, FaultLoad.SettleTimeout(orders));
            var settleTime = timer.Elapsed - loadTime;

            // Shipping after the crash takes units off onHand, which the audit checks against what was booked.
            IReadOnlyList<Guid> shipped = [];
            var final = settled;
            if (settled.Holds)
            {
                shipped = await FaultChecks.ShipAsync(stack, count: 20);
                final = await FaultChecks.WaitForInvariantsAsync(stack, expected with { Shipped = shipped }, FaultLoad.SettleTimeout(orders));
            }

            FaultChecks.Report(
                $"worker crash: {orders} orders from {FaultLoad.Concurrency} clients, {load.Accepted} answered 202, " +
                $"{load.Failures.Count} other answers ({load.ServerErrors} 5xx), {load.CancelsAccepted} cancels accepted; " +
                $"{stack.Workers.Sum(worker => worker.Kills)} worker kills (SIGKILL) with [{string.Join(", ", inProgressAtKill)}] orders in progress, " +
                $"{stack.Workers.Sum(worker => worker.Starts - 1)} restarts ready in [{string.Join(", ", restartTimes.Select(time => $"{time.TotalSeconds:F1} s"))}]; " +
                $"load {loadTime.TotalSeconds:F1} s, settled {settleTime.TotalSeconds:F1} s later; {shipped.Count} shipped afterwards; " +
                $"duplicates: {final.RepeatedTransitions} repeated transitions; violations {final.Violations.Count}; " +
                $"after settling: {settled.Summary()}; at the end: {final.Summary()}");
            load.Failures.ShouldBeEmpty();
            final.Violations.ShouldBeEmpty(final.ToString());
            (await FaultChecks.ServiceAuditViolationsAsync(stack)).ShouldBeEmpty();
            final.Orders.ShouldBe(load.Accepted);
        });
    }
}
