namespace Backend.Messaging;

/// <summary>
/// How a failing message is redelivered in process, defined once: the intervals every receive endpoint waits
/// between attempts, and the horizon within which those attempts end, so whatever must not overlap them (the
/// re-drive of stuck orders) can be checked against it. The intervals are fixed, not MassTransit's randomized
/// exponential ones, so the horizon is exact rather than an estimate.
/// </summary>
public sealed class RetrySchedule(int retryLimit, bool immediate = false)
{
    private static readonly TimeSpan FirstInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan IntervalStep = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxInterval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Time allowed for the attempts themselves on top of the waits between them: handling normally takes
    /// milliseconds, and a store that is busy holds an attempt for at most a few seconds (SQLite's busy timeout).
    /// </summary>
    public static readonly TimeSpan HandlingAllowance = TimeSpan.FromSeconds(15);

    public int RetryLimit { get; } = retryLimit;

    /// <summary>The wait before each redelivery: 0.2 s, then 0.5 s more doubling each time, at most 30 s.</summary>
    public IReadOnlyList<TimeSpan> Intervals { get; } =
        [.. Enumerable.Range(0, retryLimit).Select(retry =>
            immediate ? TimeSpan.Zero : Min(FirstInterval + IntervalStep * (Math.Pow(2, retry) - 1), MaxInterval))];

    /// <summary>The same number of redeliveries without the waits: for tests that drive consumers in process.</summary>
    public static RetrySchedule Immediate(int retryLimit) => new(retryLimit, immediate: true);

    /// <summary>All the waits together: 89.7 s for the default of 8 redeliveries.</summary>
    public TimeSpan Waits => Intervals.Aggregate(TimeSpan.Zero, (total, interval) => total + interval);

    /// <summary>How long after its first attempt a message may still be retried in process.</summary>
    public TimeSpan Horizon => Waits + HandlingAllowance;

    private static TimeSpan Min(TimeSpan first, TimeSpan second) => first < second ? first : second;
}
