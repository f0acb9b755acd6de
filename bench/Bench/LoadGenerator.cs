using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Backend.Bench;

/// <summary>
/// The client side of the benchmark: each order is submitted, then polled every poll interval (with the last
/// ETag in If-None-Match) until its status is final; its latency runs from submit (open loop: from its scheduled
/// arrival, so a slow server cannot hide its queue) to the answer that showed it final.
/// </summary>
internal sealed class LoadGenerator : IDisposable
{
    private static readonly HashSet<string> FinalStatuses = ["Confirmed", "Rejected", "Cancelled", "Shipped", "Expired"];
    private static readonly TimeSpan OrderTimeout = TimeSpan.FromSeconds(60);

    private readonly HttpClient http;
    private readonly byte[] body;
    private readonly TimeSpan pollInterval;

    public LoadGenerator(Uri baseAddress, string apiKey, string sku, TimeSpan pollInterval)
    {
        http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 4096, UseCookies = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        body = Encoding.UTF8.GetBytes(
            $$$"""{"lines":[{"sku":"{{{sku}}}","quantity":1}],"paymentToken":"tok_visa","shipTo":{"country":"US"}}""");
        this.pollInterval = pollInterval;
    }

    public async Task<ClosedLoopFigures> ClosedLoopAsync(int clients, TimeSpan warmup, TimeSpan measure, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var measureFrom = started + Ticks(warmup);
        var measureTo = measureFrom + Ticks(measure);
        var latencies = new List<double>[clients];
        var errors = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var own = latencies[client] = [];
            while (Stopwatch.GetTimestamp() < measureTo && !cancellationToken.IsCancellationRequested)
            {
                var submitted = Stopwatch.GetTimestamp();
                var outcome = await SubmitAndAwaitFinalAsync(submitted, cancellationToken);
                var finished = Stopwatch.GetTimestamp();
                if (outcome is null)
                {
                    Interlocked.Increment(ref errors);
                }
                else if (finished >= measureFrom && finished < measureTo)
                {
                    own.Add(outcome.Value);
                }
            }
        }));
        var all = latencies.SelectMany(list => list).ToList();
        return new ClosedLoopFigures(clients, measure.TotalSeconds, all.Count, all.Count / measure.TotalSeconds, errors,
            Percentiles.Of(all));
    }

    public async Task<OpenLoopFigures> OpenLoopAsync(double rate, TimeSpan measure, CancellationToken cancellationToken)
    {
        var count = (int)Math.Round(rate * measure.TotalSeconds);
        var started = Stopwatch.GetTimestamp();
        var latencies = new double?[count];
        var inFlight = new List<Task>(count);
        for (var index = 0; index < count; index++)
        {
            var due = started + (long)(index * Stopwatch.Frequency / rate);
            await WaitUntilAsync(due, cancellationToken);
            var slot = index;
            inFlight.Add(Task.Run(async () => latencies[slot] = await SubmitAndAwaitFinalAsync(due, cancellationToken), cancellationToken));
        }

        var sent = Stopwatch.GetElapsedTime(started);
        await Task.WhenAll(inFlight);
        var done = latencies.Where(latency => latency is not null).Select(latency => latency!.Value).ToList();
        return new OpenLoopFigures(rate, count / sent.TotalSeconds, count, count - done.Count, Percentiles.Of(done));
    }

    public async Task<PollFigures> NotModifiedPollsAsync(int clients, TimeSpan measure, CancellationToken cancellationToken)
    {
        // One final order per client, polled with its own ETag as fast as the server answers.
        var targets = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => FinalOrderAsync(cancellationToken)));
        var until = Stopwatch.GetTimestamp() + Ticks(measure);
        var counts = new long[clients];
        var others = 0L;
        await Task.WhenAll(targets.Select(async (target, client) =>
        {
            while (Stopwatch.GetTimestamp() < until && !cancellationToken.IsCancellationRequested)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, target.Location);
                request.Headers.IfNoneMatch.Add(target.ETag);
                using var response = await http.SendAsync(request, cancellationToken);
                if (response.StatusCode == HttpStatusCode.NotModified)
                {
                    counts[client]++;
                }
                else
                {
                    Interlocked.Increment(ref others);
                }
            }
        }));
        var total = counts.Sum();
        return new PollFigures(clients, measure.TotalSeconds, total, total / measure.TotalSeconds, others);
    }

    private async Task<(string Location, EntityTagHeaderValue ETag)> FinalOrderAsync(CancellationToken cancellationToken)
    {
        var location = await SubmitAsync(cancellationToken) ?? throw new InvalidOperationException("The server refused an order.");
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            await Task.Delay(pollInterval, cancellationToken);
            using var response = await http.GetAsync(location, cancellationToken);
            if (response.IsSuccessStatusCode && IsFinal(await response.Content.ReadAsByteArrayAsync(cancellationToken)))
            {
                return (location, response.Headers.ETag ?? throw new InvalidOperationException("No ETag on an order."));
            }
        }

        throw new TimeoutException($"{location} never became final.");
    }

    /// <summary>Milliseconds from <paramref name="from"/> to the answer that showed the order final; null on failure.</summary>
    private async Task<double?> SubmitAndAwaitFinalAsync(long from, CancellationToken cancellationToken)
    {
        try
        {
            var location = await SubmitAsync(cancellationToken);
            if (location is null)
            {
                return null;
            }

            EntityTagHeaderValue? etag = null;
            while (Stopwatch.GetElapsedTime(from) < OrderTimeout)
            {
                await Task.Delay(pollInterval, cancellationToken);
                using var request = new HttpRequestMessage(HttpMethod.Get, location);
                if (etag is not null)
                {
                    request.Headers.IfNoneMatch.Add(etag);
                }

                using var response = await http.SendAsync(request, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    etag = response.Headers.ETag;
                    if (IsFinal(await response.Content.ReadAsByteArrayAsync(cancellationToken)))
                    {
                        return Stopwatch.GetElapsedTime(from).TotalMilliseconds;
                    }
                }
                else if (response.StatusCode != HttpStatusCode.NotModified)
                {
                    return null;
                }
            }

            return null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task<string?> SubmitAsync(CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync("/api/orders", content, cancellationToken);
        return response.StatusCode == HttpStatusCode.Accepted ? response.Headers.Location?.ToString() : null;
    }

    private static bool IsFinal(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("status"))
            {
                reader.Read();
                return FinalStatuses.Contains(reader.GetString() ?? "");
            }
        }

        return false;
    }

    private static async Task WaitUntilAsync(long due, CancellationToken cancellationToken)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
        if (wait > TimeSpan.FromMilliseconds(2))
        {
            await Task.Delay(wait - TimeSpan.FromMilliseconds(1), cancellationToken);
        }

        while (Stopwatch.GetTimestamp() < due)
        {
            Thread.Yield();
        }
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    public void Dispose() => http.Dispose();
}

internal sealed record ClosedLoopFigures(int Clients, double Seconds, int Orders, double OrdersPerSecond, int Errors, Percentiles LatencyMs);

internal sealed record OpenLoopFigures(double TargetRate, double SentRate, int Orders, int Failed, Percentiles LatencyMs);

internal sealed record PollFigures(int Clients, double Seconds, long NotModified, double PerSecond, long OtherAnswers);

internal sealed record Percentiles(double P50, double P95, double P99, double Max)
{
    public static Percentiles Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return new Percentiles(double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = values.Order().ToArray();
        return new Percentiles(At(sorted, 0.50), At(sorted, 0.95), At(sorted, 0.99), sorted[^1]);
    }

    private static double At(double[] sorted, double quantile) =>
        Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)], 2);
}
