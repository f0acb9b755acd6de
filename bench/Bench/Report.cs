using System.Globalization;
using System.Text;

namespace Backend.Bench;

/// <summary>The run's figures as Markdown tables, printed and written beside the JSON.</summary>
internal static class Report
{
    public static string Markdown(BenchResults results)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Run `{results.Mode}` started {results.StartedAt} on {results.Machine.Cores} cores (load average at start: {results.Machine.LoadAverageAtStart}).");
        text.AppendLine();
        if (results.Broker is { } broker)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Raw RabbitMQ.Client round trips (persistent, confirms, one durable queue, {broker.Window} in flight): **{N(broker.PerSecond)} msg/s**.");
            text.AppendLine();
        }

        text.AppendLine("| setup | orders/s (closed) | closed p50 / p99 ms | open rate | open p50 / p95 / p99 ms | busy: orders/s | busy: open p99 ms | 304/s | CPU ms/order | peak RSS MB |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var setup in new[] { results.Bare, results.Standalone, results.RabbitMq })
        {
            if (setup is null)
            {
                continue;
            }

            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {setup.Name} | {N(setup.Closed?.OrdersPerSecond)} | {N(setup.Closed?.LatencyMs.P50)} / {N(setup.Closed?.LatencyMs.P99)} " +
                $"| {N(setup.Open?.SentRate)} | {N(setup.Open?.LatencyMs.P50)} / {N(setup.Open?.LatencyMs.P95)} / {N(setup.Open?.LatencyMs.P99)} " +
                $"| {N(setup.ClosedBusy?.OrdersPerSecond)} | {N(setup.OpenBusy?.LatencyMs.P99)} | {N(setup.NotModified?.PerSecond)} " +
                $"| {string.Join(" + ", setup.Processes.Select(process => N(process.CpuMsPerOrder, 3)))} " +
                $"| {string.Join(" / ", setup.Processes.Select(process => N(process.PeakRssMb)))} |");
        }

        if (results.Levers.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("| lever (setup / variant) | orders/s (median) | × before | every round | closed p99 ms | CPU ms/order |");
            text.AppendLine("|---|---|---|---|---|---|");
            foreach (var lever in results.Levers)
            {
                var before = results.Levers.First(other => other.Setup == lever.Setup).Closed.OrdersPerSecond;
                var rounds = string.Join(", ", lever.RoundsOrdersPerSecond.Select(rate => N(rate)));
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {lever.Setup} / {lever.Variant} | {N(lever.Closed.OrdersPerSecond)} | {N(lever.Closed.OrdersPerSecond / before, 2)} | {rounds} | {N(lever.Closed.LatencyMs.P99)} | {N(lever.CpuMsPerOrder, 3)} |");
            }
        }

        if (results.Large is { } large)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"With {large.StoredOrders:N0} orders stored (seeded in {large.SeedSeconds} s): {N(large.Closed.OrdersPerSecond)} orders/s; " +
                $"listing walked along `next` over {large.Listing.Pages:N0} pages of 100: p50 {N(large.Listing.PageMs.P50)} ms, p99 {N(large.Listing.PageMs.P99)} ms, " +
                $"slowest {N(large.Listing.PageMs.Max)} ms, last page {N(large.Listing.LastPageMs)} ms" +
                $"{(large.StatusListing is { } status ? "; by status: slowest " + N(status.PageMs.Max) + " ms" : "")}" +
                $"; the last page by number (`page=N`, OFFSET): {N(large.OffsetLastPageMs)} ms.");
        }

        text.AppendLine();
        text.AppendLine("| target | measured | bound | met |");
        text.AppendLine("|---|---|---|---|");
        foreach (var check in results.Targets)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {check.Target} | {N(check.Measured, 3)} {check.Unit} | {(check.Unit == "ratio" ? "≥" : "<")} {N(check.Bound, 2)} | {(check.Met ? "yes" : "**no**")} |");
        }

        return text.ToString();
    }

    private static string N(double? value, int decimals = 1) =>
        value is { } number && !double.IsNaN(number) ? Math.Round(number, decimals).ToString(decimals == 1 ? "#,0.#" : "#,0.###", CultureInfo.InvariantCulture) : "–";
}
