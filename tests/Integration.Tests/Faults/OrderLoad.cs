using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace Backend.Integration.Tests.Faults;

/// <summary>
/// Submits orders over HTTP from a bounded number of concurrent clients, as storefronts would, and records every
/// answer. The mix is fixed by the order's number, so a run can be repeated: one or two lines over the given
/// SKUs, some declined and some flaky payments, and optionally a cancel right after every tenth order.
/// </summary>
public sealed class OrderLoad(HttpClient client, IReadOnlyList<string> skus, int orders, int concurrency, bool cancelSome)
{
    private readonly ConcurrentBag<Guid> accepted = [];
    private readonly ConcurrentBag<string> failures = [];
    private int serverErrors;
    private int cancelsAccepted;
    private long slowestTicks;

    public int Submitted => accepted.Count + failures.Count;

    public int Accepted => accepted.Count;

    public IReadOnlyCollection<Guid> AcceptedOrders => accepted;

    /// <summary>Every answer other than a 202 (or, for a cancel, 409 for an order already final), with what it was.</summary>
    public IReadOnlyCollection<string> Failures => failures;

    public int ServerErrors => serverErrors;

    public int CancelsAccepted => cancelsAccepted;

    public TimeSpan SlowestAnswer => TimeSpan.FromTicks(Interlocked.Read(ref slowestTicks));

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (var number = Interlocked.Increment(ref next); number < orders; number = Interlocked.Increment(ref next))
            {
                await SubmitAsync(number, cancellationToken);
            }
        }));
    }

    /// <summary>Waits until at least <paramref name="count"/> orders were answered, to place a fault mid-load.</summary>
    public async Task WhenSubmittedAsync(int count, CancellationToken cancellationToken)
    {
        while (Submitted < count)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }

    private async Task SubmitAsync(int number, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(Body(number)) };
        request.Headers.Add("Idempotency-Key", $"fault-load-{number.ToString(CultureInfo.InvariantCulture)}");
        var timer = Stopwatch.StartNew();
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            failures.Add($"order #{number}: no answer after {timer.Elapsed.TotalSeconds:F1} s ({exception.GetType().Name}: {exception.Message})");
            return;
        }

        using (response)
        {
            RecordLatency(timer.Elapsed);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                if ((int)response.StatusCode >= 500)
                {
                    Interlocked.Increment(ref serverErrors);
                }

                failures.Add($"order #{number}: {(int)response.StatusCode} after {timer.Elapsed.TotalSeconds:F1} s: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                return;
            }

            var id = Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
            accepted.Add(id);
            if (cancelSome && number % 10 == 3)
            {
                await CancelAsync(id, cancellationToken);
            }
        }
    }

    private async Task CancelAsync(Guid id, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsync($"/api/orders/{id}/cancel", content: null, cancellationToken);
        switch (response.StatusCode)
        {
            case HttpStatusCode.Accepted:
                Interlocked.Increment(ref cancelsAccepted);
                break;
            case HttpStatusCode.Conflict:
                // The order ended first (rejected, say): a cancel is refused, as it should be.
                break;
            default:
                failures.Add($"cancel of {id}: {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                break;
        }
    }

    private object Body(int number)
    {
        var first = skus[number % skus.Count];
        var second = skus[(number / skus.Count) % skus.Count];
        var lines = first == second || number % 3 == 0
            ? new[] { new { sku = first, quantity = 1 + (number % 3) } }
            : [new { sku = first, quantity = 1 + (number % 3) }, new { sku = second, quantity = 1 }];
        var token = (number % 20) switch
        {
            7 => "tok_decline",
            13 => "tok_flaky",
            _ => "tok_visa",
        };
        return new { lines, paymentToken = token, shipTo = new { country = "US" } };
    }

    private void RecordLatency(TimeSpan elapsed)
    {
        var ticks = elapsed.Ticks;
        var seen = Interlocked.Read(ref slowestTicks);
        while (ticks > seen)
        {
            var previous = Interlocked.CompareExchange(ref slowestTicks, ticks, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
