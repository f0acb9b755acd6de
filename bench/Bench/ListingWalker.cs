using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Backend.Bench;

/// <summary>Follows a listing's <c>next</c> links from its first page to its last, timing every page.</summary>
internal sealed class ListingWalker : IDisposable
{
    private readonly HttpClient http;

    public ListingWalker(Uri baseAddress, string apiKey)
    {
        http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
    }

    public async Task<ListingFigures> WalkAsync(string query, CancellationToken cancellationToken)
    {
        var times = new List<double>();
        var items = 0L;
        var slowest = "";
        var slowestMs = 0.0;
        string? next = $"/api/orders?{query}";
        while (next is not null)
        {
            var started = Stopwatch.GetTimestamp();
            var page = await http.GetFromJsonAsync<JsonElement>(next, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            times.Add(elapsed);
            if (elapsed > slowestMs)
            {
                (slowestMs, slowest) = (elapsed, next);
            }

            items += page.GetProperty("items").GetArrayLength();
            next = page.TryGetProperty("next", out var link) && link.ValueKind == JsonValueKind.String ? link.GetString() : null;
        }

        return new ListingFigures(query, times.Count, items, Percentiles.Of(times), times[^1], slowest);
    }

    /// <summary>The time of one listing request, in milliseconds.</summary>
    public async Task<double> TimeAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(pathAndQuery, cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        response.EnsureSuccessStatusCode();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    public void Dispose() => http.Dispose();
}

internal sealed record ListingFigures(string Query, int Pages, long Items, Percentiles PageMs, double LastPageMs, string SlowestPage);
