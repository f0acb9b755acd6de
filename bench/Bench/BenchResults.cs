namespace Backend.Bench;

/// <summary>Everything one run measured, as written to <c>bench/results/latest.json</c>.</summary>
internal sealed class BenchResults
{
    public required string StartedAt { get; init; }

    public required string Mode { get; init; }

    public required MachineFigures Machine { get; init; }

    public required object Settings { get; init; }

    public BrokerFigures? Broker { get; set; }

    public SetupFigures? Bare { get; set; }

    public SetupFigures? Standalone { get; set; }

    public SetupFigures? RabbitMq { get; set; }

    public List<LeverFigures> Levers { get; } = [];

    public LargeStoreFigures? Large { get; set; }

    public List<TargetCheck> Targets { get; set; } = [];
}

internal sealed record MachineFigures(int Cores, string LoadAverageAtStart);

internal sealed class SetupFigures
{
    public required string Name { get; init; }

    public ClosedLoopFigures? Closed { get; set; }

    public OpenLoopFigures? Open { get; set; }

    public ClosedLoopFigures? ClosedBusy { get; set; }

    public OpenLoopFigures? OpenBusy { get; set; }

    public PollFigures? NotModified { get; set; }

    public List<ProcessFigures> Processes { get; set; } = [];

    /// <summary>CPU of every server process of the setup, per order of the idle closed loop.</summary>
    public double CpuMsPerOrder => Math.Round(Processes.Sum(process => process.CpuMsPerOrder), 3);
}

internal sealed record ProcessFigures(string Name, double CpuMsPerOrder, double PeakRssMb);

/// <summary>A lever's median round; <paramref name="RoundsOrdersPerSecond"/> holds every round's orders/s, in order.</summary>
internal sealed record LeverFigures(
    string Setup, string Variant, string Settings, ClosedLoopFigures Closed, double CpuMsPerOrder, IReadOnlyList<double> RoundsOrdersPerSecond);

internal sealed record LeverRound(ClosedLoopFigures Closed, double CpuMsPerOrder);

internal sealed record LargeStoreFigures(
    int StoredOrders, double SeedSeconds, ClosedLoopFigures Closed, ListingFigures Listing, ListingFigures? StatusListing,
    double OffsetLastPageMs, double PeakRssMb);

internal sealed record TargetCheck(string Target, double Measured, double Bound, string Unit, bool Met);
