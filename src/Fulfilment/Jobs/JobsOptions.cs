using System.ComponentModel.DataAnnotations;

using Quartz;

namespace Backend.Fulfilment.Jobs;

/// <summary>When one job fires: <c>Jobs:&lt;Name&gt;:Cron</c> (Quartz cron with seconds, in UTC) and <c>Enabled</c>.</summary>
public sealed class JobSchedule
{
    public string Cron { get; set; } = "";

    public bool Enabled { get; set; } = true;
}

public sealed class JobsOptions : IValidatableObject
{
    public const string SectionName = "Jobs";

    public JobSchedule OrderRedrive { get; set; } = new() { Cron = "0/15 * * * * ?" };

    public JobSchedule OrderExpiry { get; set; } = new() { Cron = "0 * * * * ?" };

    /// <summary>The sweep that settles final orders a crash left unsettled.</summary>
    public JobSchedule OrderSettlement { get; set; } = new() { Cron = "0/15 * * * * ?" };

    public JobSchedule LowStockScan { get; set; } = new() { Cron = "0 0/5 * * * ?" };

    /// <summary>00:05 UTC: the previous day is over and its late confirmations are in.</summary>
    public JobSchedule DailySalesReport { get; set; } = new() { Cron = "0 5 0 * * ?" };

    public JobSchedule DataRetention { get; set; } = new() { Cron = "0 30 3 * * ?" };

    /// <summary>
    /// How long an order may sit in Accepted or Reserved before its next message is sent again. Longer than the
    /// in-process retries of that message (<see cref="JobsOptionsValidator"/>), so a re-sent copy never runs
    /// beside a copy still being retried.
    /// </summary>
    public TimeSpan RedriveAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>An order not confirmed this long after acceptance expires and releases its stock.</summary>
    public TimeSpan ExpireAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a final order may stay marked unsettled before the sweep settles it. Settling normally follows the
    /// save within milliseconds; the wait keeps the sweep from racing it (a race would be harmless, only wasteful).
    /// </summary>
    public TimeSpan SettleAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Orders one run handles at most; the next run takes the rest.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// How long a claim of a run holds without renewal. The holder renews it every third of this; a holder that died
    /// loses it after this long, and the next fire time runs elsewhere. Clocks of the replicas may differ by up to
    /// two thirds of it (docs/jobs.md).
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a run still going at shutdown may finish before it is cut off and recorded Interrupted.</summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often each worker looks for runs that operators asked for.</summary>
    public TimeSpan RequestPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A fire time this far behind the clock when its worker gets to it (a paused process, a clock step) is not run
    /// late; the start-up catch-up covers fire times that no worker was up for.
    /// </summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The job schedules by their kebab-case name, as operators and the history see them.</summary>
    public IReadOnlyList<(string Name, string Setting, JobSchedule Schedule)> Schedules =>
    [
        (JobNames.OrderRedrive, nameof(OrderRedrive), OrderRedrive),
        (JobNames.OrderExpiry, nameof(OrderExpiry), OrderExpiry),
        (JobNames.OrderSettlement, nameof(OrderSettlement), OrderSettlement),
        (JobNames.LowStockScan, nameof(LowStockScan), LowStockScan),
        (JobNames.DailySalesReport, nameof(DailySalesReport), DailySalesReport),
        (JobNames.DataRetention, nameof(DataRetention), DataRetention),
    ];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (_, setting, schedule) in Schedules)
        {
            if (!CronExpression.TryParse(schedule.Cron, out _))
            {
                yield return new ValidationResult(
                    $"Jobs:{setting}:Cron '{schedule.Cron}' is not a valid Quartz cron expression (six or seven fields, seconds first).",
                    [setting]);
            }
        }

        if (RedriveAfter <= TimeSpan.Zero || ExpireAfter <= TimeSpan.Zero || SettleAfter <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Jobs:RedriveAfter, Jobs:ExpireAfter and Jobs:SettleAfter must be positive.");
        }
        else if (ExpireAfter <= RedriveAfter)
        {
            // Otherwise an order whose message was lost expires before the re-drive ever sends it again.
            yield return new ValidationResult(
                $"Jobs:ExpireAfter ({ExpireAfter}) must be longer than Jobs:RedriveAfter ({RedriveAfter}), or an order " +
                "stuck in progress expires before its first re-drive.",
                [nameof(ExpireAfter), nameof(RedriveAfter)]);
        }

        if (Lease < TimeSpan.FromSeconds(1) || ShutdownGrace < TimeSpan.Zero || RequestPollInterval <= TimeSpan.Zero || MisfireThreshold <= TimeSpan.Zero)
        {
            yield return new ValidationResult(
                "Jobs:Lease must be at least 1 s, Jobs:ShutdownGrace not negative, Jobs:RequestPollInterval and Jobs:MisfireThreshold positive.");
        }
    }
}

public static class JobNames
{
    public const string OrderRedrive = "order-redrive";
    public const string OrderExpiry = "order-expiry";
    public const string OrderSettlement = "order-settlement";
    public const string LowStockScan = "low-stock-scan";
    public const string DailySalesReport = "daily-sales-report";
    public const string DataRetention = "data-retention";
}
