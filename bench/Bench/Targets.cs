namespace Backend.Bench;

/// <summary>The targets of issue 12, each a ratio or bound of figures from the same run.</summary>
internal static class Targets
{
    public static List<TargetCheck> Evaluate(BenchResults results)
    {
        var checks = new List<TargetCheck>();
        if (results is { RabbitMq.Closed: { } rabbit, Broker: { } broker })
        {
            checks.Add(AtLeast("RabbitMQ setup orders/s ÷ raw broker round trips/s", rabbit.OrdersPerSecond / broker.PerSecond, 0.15, "ratio"));
        }

        if (results is { Standalone.Closed: { } standalone, Bare.Closed: { } bare })
        {
            checks.Add(AtLeast("Standalone orders/s ÷ bare endpoint orders/s", standalone.OrdersPerSecond / bare.OrdersPerSecond, 0.6, "ratio"));
        }

        foreach (var setup in new[] { results.Standalone, results.RabbitMq })
        {
            if (setup?.Open is { } open)
            {
                checks.Add(Below($"{setup.Name} open-loop p99 at 80 % of peak, idle", open.LatencyMs.P99, 50, "ms"));
            }

            if (setup?.OpenBusy is { } busy)
            {
                checks.Add(Below($"{setup.Name} open-loop p99 at 80 % of peak, one core busy", busy.LatencyMs.P99, 50, "ms"));
            }
        }

        if (results.Standalone is { } cpu)
        {
            checks.Add(Below("Standalone server CPU per order", cpu.CpuMsPerOrder, 0.5, "ms"));
        }

        foreach (var setup in new[] { results.Standalone, results.RabbitMq })
        {
            if (setup?.NotModified is { } polls && results.Bare?.NotModified is { } barePolls)
            {
                checks.Add(AtLeast($"{setup.Name} 304 polls/s ÷ bare endpoint", polls.PerSecond / barePolls.PerSecond, 0.9, "ratio"));
            }
        }

        var peaks = new[] { results.Bare, results.Standalone, results.RabbitMq }
            .Where(setup => setup is not null)
            .SelectMany(setup => setup!.Processes.Select(process => (Name: $"{setup.Name}/{process.Name}", process.PeakRssMb)))
            .ToList();
        if (results.Large is { } large)
        {
            peaks.Add(("large/standalone", large.PeakRssMb));
        }

        if (peaks.Count > 0)
        {
            var largest = peaks.MaxBy(peak => peak.PeakRssMb);
            checks.Add(Below($"largest peak RSS ({largest.Name})", largest.PeakRssMb, 200, "MB"));
        }

        if (results.Large is { } stored)
        {
            if (results.Standalone?.Closed is { } empty)
            {
                checks.Add(AtLeast($"orders/s with {stored.StoredOrders:N0} stored ÷ on an empty store", stored.Closed.OrdersPerSecond / empty.OrdersPerSecond, 0.8, "ratio"));
            }

            var slowest = Math.Max(stored.Listing.PageMs.Max, stored.StatusListing?.PageMs.Max ?? 0);
            checks.Add(Below($"slowest listing page of {stored.StoredOrders:N0} (next links)", slowest, 50, "ms"));
        }

        return checks;
    }

    private static TargetCheck AtLeast(string target, double measured, double bound, string unit) =>
        new(target, Math.Round(measured, 3), bound, unit, measured >= bound);

    private static TargetCheck Below(string target, double measured, double bound, string unit) =>
        new(target, Math.Round(measured, 3), bound, unit, measured < bound);
}
