using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;

using Backend.Domain.Orders;
using Backend.Integration.Tests.Infrastructure;

namespace Backend.Integration.Tests.Faults;

/// <summary>
/// Writes over HTTP while the broker is dead: cancels and shipments are recorded on the order and answered 202
/// within the publish timeout, receipts are answered 503 with Retry-After (the client sends them again). Once the
/// broker is back, the re-drive job sends what was recorded, and each write takes effect exactly once.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class OutageWriteTests(KillableBroker broker) : IClassFixture<KillableBroker>
{
    private const int PublishTimeoutSeconds = 2;
    private const int ReceiptUnits = 5;

    private static readonly string[] Skus = ["OW-A", "OW-B", "OW-C"];

    // An answer may take the publish timeout, plus the request's own work on two busy cores; never a hang.
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(PublishTimeoutSeconds + 3);

    [Fact]
    public async Task Cancels_shipments_and_receipts_sent_while_the_broker_is_down_take_effect_once_after_it_returns()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var orders = Math.Max(40, FaultLoad.Orders / 5);
        var openingStock = orders * 2;
        var seed = Skus.Select(sku => new SeedStock(sku, openingStock)).ToList();
        var settings = new Dictionary<string, string>
        {
            ["Orders:PublishTimeoutSeconds"] = PublishTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
            // Re-drive soon after the broker is back; it must still wait out the in-process retries (one retry:
            // 0.2 s plus the 15 s handling allowance), or the workers refuse to start.
            ["Messaging:RetryLimit"] = "1",
            ["Jobs:RedriveAfter"] = "00:00:16",
        };
        await using var stack = await ProcessStack.StartAsync(broker, workerCount: 2, seed, settings);
        await stack.GuardAsync(async () =>
        {
            using var client = stack.Client();
            using var operatorClient = stack.Client(TestKeys.Operator);
            var load = new OrderLoad(client, Skus, orders, FaultLoad.Concurrency, cancelSome: false);
            await load.RunAsync(cancellationToken);
            load.Failures.ShouldBeEmpty();
            var received = Skus.ToDictionary(sku => sku, _ => openingStock);
            var before = await FaultChecks.WaitForInvariantsAsync(stack, new AuditExpectations(load.AcceptedOrders, received), FaultLoad.SettleTimeout(orders));
            before.Violations.ShouldBeEmpty(before.ToString());

            var confirmed = (await InvariantAudit.ReadAsync(stack.DatabasePath, cancellationToken)).Orders
                .Where(order => order.Status == OrderStatus.Confirmed).Select(order => order.Id).ToList();
            var share = Math.Max(5, confirmed.Count / 6);
            var toCancel = confirmed.Take(share).ToList();
            var toShip = confirmed.Skip(share).Take(share).ToList();
            // Cancelled, then shipped all the same: the warehouse's notice must end as a conflict, not vanish.
            var cancelledThenShipped = confirmed[2 * share];
            var receiptIds = Enumerable.Range(1, share).Select(number => $"GRN-OUTAGE-{number}").ToList();

            var timer = Stopwatch.StartNew();
            await broker.KillAsync();
            var answers = new ConcurrentBag<Answer>();
            var writes = toCancel.Select(id => (Func<Task>)(async () => answers.Add(await PostAsync(client, "cancel", $"/api/orders/{id}/cancel", null))))
                .Concat(toShip.Select(id => (Func<Task>)(async () =>
                    answers.Add(await PostAsync(operatorClient, "shipment", $"/api/orders/{id}/shipment", Shipment(id))))))
                .Concat(receiptIds.Select((receipt, index) => (Func<Task>)(async () =>
                    answers.Add(await PostAsync(operatorClient, "receipt", Receipt(index), new { quantity = ReceiptUnits, receiptId = receipt }, receipt)))))
                .ToList();
            await RunConcurrentlyAsync(writes, FaultLoad.Concurrency);
            var pair = new[]
            {
                await PostAsync(client, "cancel", $"/api/orders/{cancelledThenShipped}/cancel", null),
                await PostAsync(operatorClient, "shipment", $"/api/orders/{cancelledThenShipped}/shipment", Shipment(cancelledThenShipped)),
            };
            var outage = timer.Elapsed;
            var back = await broker.RestartAsync(cancellationToken);
            var backAt = timer.Elapsed;

            var all = answers.Concat(pair).ToList();
            var wrong = all.Where(answer => answer.Kind == "receipt"
                    ? answer.Status is not (HttpStatusCode.Accepted or HttpStatusCode.ServiceUnavailable)
                        || (answer.Status == HttpStatusCode.ServiceUnavailable && answer.RetryAfter is null)
                    : answer.Status != HttpStatusCode.Accepted)
                .Concat(all.Where(answer => answer.Elapsed > AnswerBound))
                .Select(answer => answer.ToString())
                .ToList();

            // A receipt the broker did not take was not counted: the warehouse sends it again, as told.
            var unavailable = all.Where(answer => answer is { Kind: "receipt", Status: HttpStatusCode.ServiceUnavailable }).ToList();
            var resends = 0;
            foreach (var answer in unavailable)
            {
                var index = receiptIds.IndexOf(answer.Key!);
                var again = answer;
                while (again.Status != HttpStatusCode.Accepted)
                {
                    await Task.Delay(again.RetryAfter ?? TimeSpan.FromSeconds(1), cancellationToken);
                    again = await PostAsync(operatorClient, "receipt", Receipt(index), new { quantity = ReceiptUnits, receiptId = answer.Key }, answer.Key);
                    resends++;
                    if (resends > 20 * receiptIds.Count)
                    {
                        wrong.Add($"receipt {answer.Key} still not taken after the broker returned: {again}");
                        break;
                    }
                }
            }

            for (var index = 0; index < receiptIds.Count; index++)
            {
                received[Skus[index % Skus.Length]] += ReceiptUnits;
            }

            var expected = new AuditExpectations(load.AcceptedOrders, received)
            {
                Shipped = toShip,
                Cancelled = [.. toCancel, cancelledThenShipped],
            };
            var final = await FaultChecks.WaitForInvariantsAsync(stack, expected, FaultLoad.SettleTimeout(orders));
            var settleTime = timer.Elapsed - backAt;
            var snapshot = await InvariantAudit.ReadAsync(stack.DatabasePath, cancellationToken);
            var conflicted = snapshot.Orders.Single(order => order.Id == cancelledThenShipped);
            var unpublished = CountOccurrences(stack.Ingress.LogTail(int.MaxValue), "could not be published; the re-drive job will send it");

            FaultChecks.Report(
                $"HTTP writes during a broker outage: {orders} orders first ({load.Accepted} answered 202); broker killed, " +
                $"{toCancel.Count + 1} cancels, {toShip.Count + 1} shipments and {receiptIds.Count} receipts sent in {outage.TotalSeconds:F1} s " +
                $"(answers: {Tally(all)}; slowest {all.Max(answer => answer.Elapsed).TotalSeconds:F1} s, bound {AnswerBound.TotalSeconds:F0} s); " +
                $"{unpublished} cancels/shipments recorded but not published (left to the re-drive); broker back in {back.TotalSeconds:F1} s; " +
                $"{unavailable.Count} receipts answered 503 sent again {resends} times; all settled {settleTime.TotalSeconds:F1} s after the broker was back; " +
                $"order cancelled then shipped: {conflicted.Status} with {conflicted.Conflicts.Count} conflict(s); " +
                $"duplicates: {final.RepeatedTransitions} repeated transitions; violations {final.Violations.Count}; {final.Summary()}");
            wrong.ShouldBeEmpty();
            final.Violations.ShouldBeEmpty(final.ToString());
            (await FaultChecks.ServiceAuditViolationsAsync(stack)).ShouldBeEmpty();
            conflicted.Status.ShouldBe(OrderStatus.Cancelled);
            conflicted.Conflicts.ShouldHaveSingleItem().Status.ShouldBe(OrderStatus.Cancelled);
            snapshot.Reservations.Where(row => row.OrderId == cancelledThenShipped).ShouldAllBe(row => row.State == "committed");
        });
    }

    private static object Shipment(Guid id) => new { carrier = "DHL", trackingNumber = $"OUTAGE-{id:N}" };

    private static string Receipt(int index) => $"/api/products/{Skus[index % Skus.Length]}/stock-receipts";

    private static async Task<Answer> PostAsync(HttpClient client, string kind, string uri, object? body, string? key = null)
    {
        var timer = Stopwatch.StartNew();
        try
        {
            using var response = body is null
                ? await client.PostAsync(uri, content: null, TestContext.Current.CancellationToken)
                : await client.PostAsJsonAsync(uri, body, TestContext.Current.CancellationToken);
            return new Answer(kind, uri, key, response.StatusCode, timer.Elapsed, response.Headers.RetryAfter?.Delta,
                await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return new Answer(kind, uri, key, null, timer.Elapsed, null, $"no answer: {exception.Message}");
        }
    }

    private static async Task RunConcurrentlyAsync(IReadOnlyList<Func<Task>> work, int concurrency)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (var index = Interlocked.Increment(ref next); index < work.Count; index = Interlocked.Increment(ref next))
            {
                await work[index]();
            }
        }));
    }

    private static string Tally(IEnumerable<Answer> answers) => string.Join(", ", answers
        .GroupBy(answer => (answer.Kind, answer.Status))
        .OrderBy(group => group.Key.Kind, StringComparer.Ordinal)
        .Select(group => $"{group.Key.Kind} {(group.Key.Status is { } status ? ((int)status).ToString(CultureInfo.InvariantCulture) : "none")} x{group.Count()}"));

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private sealed record Answer(string Kind, string Uri, string? Key, HttpStatusCode? Status, TimeSpan Elapsed, TimeSpan? RetryAfter, string Body)
    {
        public override string ToString() =>
            $"{Kind} {Uri}: {(Status is { } status ? $"{(int)status}" : "no answer")} after {Elapsed.TotalSeconds:F1} s, " +
            $"Retry-After {RetryAfter?.TotalSeconds.ToString(CultureInfo.InvariantCulture) ?? "none"}: {Body}";
    }
}
