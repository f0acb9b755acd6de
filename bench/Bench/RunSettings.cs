namespace Backend.Bench;

/// <summary>How long and how hard each phase of <c>bench/run</c> drives the servers.</summary>
internal sealed record RunSettings
{
    public bool Quick { get; init; }

    public int Clients { get; init; } = 32;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(10);

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan Measure { get; init; } = TimeSpan.FromSeconds(20);

    public int BrokerWindow { get; init; } = 32;

    public int StoredOrders { get; init; } = 1_000_000;

    /// <summary>
    /// How many times every lever variant is measured; the median round is reported (of an even number of rounds, the
    /// lower of the middle two).
    /// </summary>
    public int LeverRounds { get; init; } = 3;

    public string RepositoryRoot { get; init; } = ".";

    public string OutputPath { get; init; } = "bench/results/latest.json";

    public bool Keep { get; init; }

    public IReadOnlySet<string> Skip { get; init; } = new HashSet<string>();

    /// <summary>The share of the closed-loop peak the open loop offers.</summary>
    public double OpenLoopShare { get; init; } = 0.8;

    public static RunSettings For(bool quick) => quick
        ? new RunSettings { Quick = true, Warmup = TimeSpan.FromSeconds(3), Measure = TimeSpan.FromSeconds(8), StoredOrders = 100_000, LeverRounds = 1 }
        : new RunSettings();
}
