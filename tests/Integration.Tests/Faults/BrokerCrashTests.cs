using System.Diagnostics;

namespace Backend.Integration.Tests.Faults;

/// <summary>
/// The broker dies by SIGKILL while orders come in and is started again a few seconds later on the same port and
/// data. The ingress keeps answering 202 (after its publish timeout) because the stored order is the outbox; the
/// re-drive job sends what never reached the broker, and every order ends once, with stock that adds up.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class BrokerCrashTests(KillableBroker broker) : IClassFixture<KillableBroker>
{
    private static readonly string[] Skus = ["BK-A", "BK-B", "BK-C", "BK-D", "BK-E"];
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Every_order_is_accepted_and_ends_once_with_matching_stock_when_the_broker_is_killed_mid_load()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var orders = FaultLoad.Orders;
        var kills = FaultLoad.Kills;
        var openingStock = Math.Max(20, orders * 2 / 5);
        var seed = Skus.Select(sku => new SeedStock(sku, openingStock)).ToList();
        await using var stack = await ProcessStack.StartAsync(broker, workerCount: 2, seed);
        await stack.GuardAsync(async () =>
        {
            var timer = Stopwatch.StartNew();
            using var client = stack.Client();
            // Cancels too: one sent while the broker is down is recorded on the order, answered 202 and re-driven.
            var load = new OrderLoad(client, Skus, orders, FaultLoad.Concurrency, cancelSome: true);
            var running = load.RunAsync(cancellationToken);

            var inProgressAtKill = new List<int>();
            var acceptedDuringOutages = 0;
            var restartTimes = new List<TimeSpan>();
            for (var kill = 1; kill <= kills; kill++)
            {
                await load.WhenSubmittedAsync(orders * kill / (kills + 1), cancellationToken);
                inProgressAtKill.Add(await FaultChecks.CountInProgressAsync(stack));
                var acceptedBefore = load.Accepted;
                await broker.KillAsync();
                await Task.Delay(Outage, cancellationToken);
                acceptedDuringOutages += load.Accepted - acceptedBefore;
                restartTimes.Add(await broker.RestartAsync(cancellationToken));
            }

            await running;
            var loadTime = timer.Elapsed;
            var expected = new AuditExpectations(load.AcceptedOrders, Skus.ToDictionary(sku => sku, _ => openingStock));
            var final = await FaultChecks.WaitForInvariantsAsync(stack, expected, FaultLoad.SettleTimeout(orders));

            FaultChecks.Report(
                $"broker crash: {orders} orders from {FaultLoad.Concurrency} clients, {load.Accepted} answered 202 " +
                $"({acceptedDuringOutages} while the broker was down, slowest answer {load.SlowestAnswer.TotalSeconds:F1} s), " +
                $"{load.Failures.Count} other answers ({load.ServerErrors} 5xx), {load.CancelsAccepted} cancels accepted; {broker.Kills} broker kills (SIGKILL) with " +
                $"[{string.Join(", ", inProgressAtKill)}] orders in progress, {Outage.TotalSeconds:F0} s down each, back in " +
                $"[{string.Join(", ", restartTimes.Select(time => $"{time.TotalSeconds:F1} s"))}]; load {loadTime.TotalSeconds:F1} s, " +
                $"settled {(timer.Elapsed - loadTime).TotalSeconds:F1} s later; duplicates: {final.RepeatedTransitions} repeated transitions; " +
                $"violations {final.Violations.Count}; {final.Summary()}");
            load.ServerErrors.ShouldBe(0);
            load.Failures.ShouldBeEmpty();
            final.Violations.ShouldBeEmpty(final.ToString());
            (await FaultChecks.ServiceAuditViolationsAsync(stack)).ShouldBeEmpty();
            final.Orders.ShouldBe(load.Accepted);
        });
    }
}
