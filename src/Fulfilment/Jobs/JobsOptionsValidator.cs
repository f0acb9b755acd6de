using System.Globalization;

using Backend.Messaging;

using Microsoft.Extensions.Options;

namespace Backend.Fulfilment.Jobs;

/// <summary>
/// Keeps the re-drive from overlapping the in-process retries. A message that fails is redelivered in the same
/// process for up to the <see cref="RetrySchedule.Horizon"/> of <c>Messaging:RetryLimit</c>, counted from its
/// first attempt, which starts no earlier than the order's last stored step. The re-drive re-sends the message
/// once the order has sat <c>Jobs:RedriveAfter</c> since that step. With RedriveAfter beyond the horizon, the
/// retried copy has succeeded, or given up to the error queue, before the re-sent copy exists, so the two never
/// run at once. Processing is idempotent either way (and payments are kept once by the ledger); this keeps the
/// work, and the contention on one order, single. A message that waited in a backlog before its first attempt
/// starts its retries later than the order's step, so there the guarantee narrows to "by the backlog's length".
/// </summary>
public sealed class JobsOptionsValidator(IOptions<MessagingOptions> messaging) : IValidateOptions<JobsOptions>
{
    public ValidateOptionsResult Validate(string? name, JobsOptions options)
    {
        var retries = new RetrySchedule(messaging.Value.RetryLimit);
        if (options.RedriveAfter > retries.Horizon)
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(string.Format(
            CultureInfo.InvariantCulture,
            "Jobs:RedriveAfter ({0}) must be longer than the retry horizon of Messaging:RetryLimit ({1} redeliveries): " +
            "{2:0.#} s, that is {3:0.#} s of waits between attempts and {4:0.#} s for the attempts themselves. A shorter " +
            "RedriveAfter re-sends an order's message while the first copy is still being retried. Raise Jobs:RedriveAfter " +
            "above {2:0.#} s or lower Messaging:RetryLimit.",
            options.RedriveAfter, retries.RetryLimit, retries.Horizon.TotalSeconds, retries.Waits.TotalSeconds,
            RetrySchedule.HandlingAllowance.TotalSeconds));
    }
}
