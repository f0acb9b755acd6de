using System.ComponentModel.DataAnnotations;

using Quartz;

namespace Backend.Fulfilment.Jobs;

public sealed class JobsOptions : IValidatableObject
{
    public const string SectionName = "Jobs";

    /// <summary>Quartz cron (with seconds) of the re-drive of stuck orders.</summary>
    [Required]
    public string OrderRedriveCron { get; set; } = "0/15 * * * * ?";

    /// <summary>
    /// How long an order may sit in Accepted or Reserved before its next message is sent again. Longer than the
    /// in-process retries of that message (<see cref="JobsOptionsValidator"/>), so a re-sent copy never runs
    /// beside a copy still being retried.
    /// </summary>
    public TimeSpan RedriveAfter { get; set; } = TimeSpan.FromMinutes(2);

    [Required]
    public string OrderExpiryCron { get; set; } = "0 * * * * ?";

    /// <summary>An order not confirmed this long after acceptance expires and releases its stock.</summary>
    public TimeSpan ExpireAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Quartz cron (with seconds) of the sweep that settles final orders a crash left unsettled.</summary>
    [Required]
    public string OrderSettlementCron { get; set; } = "0/15 * * * * ?";

    /// <summary>
    /// How long a final order may stay marked unsettled before the sweep settles it. Settling normally follows the
    /// save within milliseconds; the wait keeps the sweep from racing it (a race would be harmless, only wasteful).
    /// </summary>
    public TimeSpan SettleAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Orders one run handles at most; the next run takes the rest.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, cron) in new[]
        {
            (nameof(OrderRedriveCron), OrderRedriveCron),
            (nameof(OrderExpiryCron), OrderExpiryCron),
            (nameof(OrderSettlementCron), OrderSettlementCron),
        })
        {
            if (!CronExpression.TryParse(cron, out _))
            {
                yield return new ValidationResult($"Jobs:{name} '{cron}' is not a valid Quartz cron expression.", [name]);
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
    }
}
