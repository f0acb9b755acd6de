using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;

using Backend.Domain.Orders;
using Backend.Integration.Tests.Infrastructure;
using Backend.Messaging;

namespace Backend.Integration.Tests.Faults;

/// <summary>
/// A worker dies by SIGKILL between storing an order's final state and settling it (the fault hook does it at
/// that exact point), so the order is final with its stock still held. Its message is gone too (purged, as after
/// exhausted retries), which leaves the settlement sweep alone to finish the job once a worker runs again.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class SettlementKillTests(KillableBroker broker) : IClassFixture<KillableBroker>
{
    private const int SigKillStatus = 128 + 9;

    private static readonly string[] Skus = ["ST-A", "ST-B"];
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan SettleAfter = TimeSpan.FromSeconds(3);

    // Any environment but Production honours the hook; for the workers nothing else differs (API keys are the
    // ingress's, and no appsettings.Testing.json exists).
    private static readonly Dictionary<string, string> Hooked = new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Testing",
        ["DOTNET_ENVIRONMENT"] = "Testing",
        ["Faults__KillAfterFinalStateSaved"] = "true",
    };

    [Fact]
    public async Task An_order_left_final_but_unsettled_by_a_killed_worker_is_settled_by_the_sweep_after_a_restart()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        // Rounds alternate a payment decline (rejected after reserving) with a cancel of a confirmed order.
        var rounds = Math.Max(2, FaultLoad.Kills);
        var confirmedPerRound = Math.Max(5, FaultLoad.Orders / 60);
        var openingStock = (rounds * (confirmedPerRound + 1) * 3) + 10;
        var seed = Skus.Select(sku => new SeedStock(sku, openingStock)).ToList();
        var settings = new Dictionary<string, string>
        {
            ["Jobs:OrderSettlement:Cron"] = $"0/{SweepInterval.TotalSeconds.ToString(CultureInfo.InvariantCulture)} * * * * ?",
            ["Jobs:SettleAfter"] = SettleAfter.ToString("c", CultureInfo.InvariantCulture),
        };
        // One worker, so the order whose final state kills it is certain to reach the hooked process.
        await using var stack = await ProcessStack.StartAsync(broker, workerCount: 1, seed, settings, firstWorkerStart: Hooked);
        await stack.GuardAsync(async () =>
        {
            var worker = stack.Workers[0];
            using var client = stack.Client();
            var submitted = new List<Guid>();
            var cancelled = new List<Guid>();
            var figures = new List<string>();
            for (var round = 1; round <= rounds; round++)
            {
                var cancel = round % 2 == 0;
                var batch = new List<Guid>();
                for (var number = 0; number < confirmedPerRound; number++)
                {
                    batch.Add(await SubmitAsync(client, $"settle-{round}-{number}", "tok_visa"));
                }

                submitted.AddRange(batch);
                // Whatever else is in flight would be redelivered or purged with the crashed message: none is. An order
                // is stored Confirmed before its message is acknowledged (the event is published first), and a fast
                // store lets the next order overtake that acknowledgement, so wait for the queues to be empty too.
                await WaitForAsync(stack, "the round's orders to be Confirmed",
                    snapshot => batch.All(id => snapshot.Orders.Any(order => order.Id == id && order.Status == OrderStatus.Confirmed)));
                await WaitForEmptyQueuesAsync(cancellationToken);

                Guid victim;
                string queue;
                if (cancel)
                {
                    victim = batch[^1];
                    using var response = await client.PostAsync($"/api/orders/{victim}/cancel", content: null, cancellationToken);
                    response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
                    cancelled.Add(victim);
                    queue = QueueNames.CancelOrder;
                }
                else
                {
                    victim = await SubmitAsync(client, $"settle-{round}-decline", "tok_decline");
                    submitted.Add(victim);
                    queue = QueueNames.SubmitOrder;
                }

                var status = await worker.WaitForOwnExitAsync(TimeSpan.FromSeconds(30), cancellationToken);
                status.ShouldBe(SigKillStatus, $"the worker should have SIGKILLed itself at order {victim}'s final state");
                var killed = Stopwatch.StartNew();

                var atCrash = await InvariantAudit.ReadAsync(stack.DatabasePath, cancellationToken);
                var order = atCrash.Orders.Single(order => order.Id == victim);
                order.Status.ShouldBe(cancel ? OrderStatus.Cancelled : OrderStatus.Rejected);
                order.SettlementPending.ShouldBeTrue();
                atCrash.Columns[victim].SettlementPending.ShouldBeTrue();
                var heldAtCrash = atCrash.Reservations.Where(row => row.OrderId == victim).ToList();
                heldAtCrash.ShouldNotBeEmpty();
                heldAtCrash.ShouldAllBe(row => row.State == "held");
                var reservedAtCrash = atCrash.Products.Sum(product => product.Reserved);

                // The crashed message came back to its queue; purged, it cannot settle the order on redelivery.
                var purged = await broker.PurgeWhenReadyAsync(queue, TimeSpan.FromSeconds(10), cancellationToken);
                purged.ShouldBe(1u, $"the message that crashed the worker should be back in {queue}");

                var ready = await worker.StartAsync(cancellationToken);
                var readyAt = killed.Elapsed;
                var settled = await WaitForAsync(stack, $"order {victim} to be settled",
                    snapshot => snapshot.Orders.Single(order => order.Id == victim) is { SettlementPending: false }
                        && snapshot.Reservations.Where(row => row.OrderId == victim).All(row => row.State == "released"),
                    timeout: SweepInterval + SettleAfter + TimeSpan.FromSeconds(10));
                var settleTime = killed.Elapsed - readyAt;
                settled.Columns[victim].SettlementPending.ShouldBeFalse();
                settled.Products.Sum(product => product.Reserved)
                    .ShouldBe(reservedAtCrash - heldAtCrash.Sum(row => row.Quantity), "the settled order's units should be available again");
                await Eventually.GetAsync(
                    _ => Task.FromResult(worker.LogSinceLastStart()), log => log.Contains("Job order-settlement settled", StringComparison.Ordinal),
                    "the settlement sweep to log that it settled the order", TimeSpan.FromSeconds(10));

                var expected = new AuditExpectations(submitted, Skus.ToDictionary(sku => sku, _ => openingStock)) { Cancelled = cancelled };
                var report = await FaultChecks.WaitForInvariantsAsync(stack, expected, TimeSpan.FromSeconds(30));
                figures.Add(
                    $"round {round}: {(cancel ? "cancel" : "decline")} killed the worker (status {status}), {heldAtCrash.Sum(row => row.Quantity)} units held " +
                    $"at the crash, {purged} message purged, ready again {readyAt.TotalSeconds:F1} s after the kill (start {ready.TotalSeconds:F1} s), " +
                    $"settled {settleTime.TotalSeconds:F1} s after ready ({killed.Elapsed.TotalSeconds:F1} s after the kill); {report.Summary()}");
                report.Violations.ShouldBeEmpty(report.ToString());
                (await FaultChecks.ServiceAuditViolationsAsync(stack)).ShouldBeEmpty();

                if (round < rounds)
                {
                    await worker.KillAsync();
                    await worker.StartAsync(cancellationToken, Hooked);
                }
            }

            FaultChecks.Report(
                $"settlement kill: {submitted.Count} orders, {rounds} self-kills (SIGKILL by the fault hook) after a final state was stored, " +
                $"{worker.Kills} harness kills of the idle worker to put the hook back, {worker.Starts - 1} restarts; " +
                $"sweep every {SweepInterval.TotalSeconds:F0} s, settle after {SettleAfter.TotalSeconds:F0} s{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", figures));
        });
    }

    private static async Task<Guid> SubmitAsync(HttpClient client, string key, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(new
            {
                lines = new[] { new { sku = Skus[0], quantity = 2 }, new { sku = Skus[1], quantity = 1 } },
                paymentToken = token,
                shipTo = new { country = "US" },
            }),
        };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static Task<StoreSnapshot> WaitForAsync(ProcessStack stack, string what, Func<StoreSnapshot, bool> done, TimeSpan? timeout = null) =>
        Eventually.GetAsync(
            cancellationToken => InvariantAudit.ReadAsync(stack.DatabasePath, cancellationToken), done, what, timeout ?? TimeSpan.FromSeconds(30));

    private async Task WaitForEmptyQueuesAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var depths = await broker.QueueDepthsAsync(cancellationToken);
            if (depths.GetValueOrDefault(QueueNames.SubmitOrder) == 0 && depths.GetValueOrDefault(QueueNames.CancelOrder) == 0)
            {
                return;
            }

            deadline.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), "the handled orders' messages should be acknowledged");
            await Task.Delay(100, cancellationToken);
        }
    }
}
