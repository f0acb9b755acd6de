using Backend.Domain.FailedMessages;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace Backend.Api.FailedMessages;

public static partial class FailedMessagesApi
{
    public const int MaxGroupLimit = 10_000;
    public const double MaxRatePerSecond = 1000;
    private const int RetryAfterSeconds = 5;

    /// <summary>Sends one Failed record back to its queue; 503 when the broker did not confirm (the record stays Failed).</summary>
    public static async Task<Results<Ok<FailedMessageSummary>, NotFound, ProblemHttpResult, ServiceUnavailable>> RedeliverAsync(
        Guid id, IFailedMessageStore store, FailedMessageRedriver redriver, ILogger<FailedMessageRedriver> logger,
        CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } message)
        {
            return TypedResults.NotFound();
        }

        if (message.Status != FailedMessageStatus.Failed)
        {
            return NotFailed(message);
        }

        try
        {
            await redriver.RedeliverAsync(message, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            Log.RedriveFailed(logger, exception, id);
            return new ServiceUnavailable("The broker did not confirm the message; the record is unchanged and may be re-driven again.", RetryAfterSeconds);
        }

        return TypedResults.Ok(FailedMessageSummary.From((await store.FindAsync(id, cancellationToken))!));
    }

    public static async Task<Results<Ok<FailedMessageSummary>, NotFound, ProblemHttpResult>> DiscardAsync(
        Guid id, IFailedMessageStore store, FailedMessageRedriver redriver, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } message)
        {
            return TypedResults.NotFound();
        }

        if (!await redriver.DiscardAsync(message, cancellationToken))
        {
            return NotFailed((await store.FindAsync(id, cancellationToken)) ?? message);
        }

        return TypedResults.Ok(FailedMessageSummary.From((await store.FindAsync(id, cancellationToken))!));
    }

    /// <summary>
    /// Re-drives up to <paramref name="limit"/> Failed records of a group, at most <paramref name="ratePerSecond"/> a
    /// second; the records are chosen when the request starts. 503 with <c>matched</c> and <c>moved</c> when the
    /// broker stopped confirming: the records not moved stay Failed.
    /// </summary>
    public static async Task<Results<Ok<FailedMessageBatchResult>, ValidationProblem, ServiceUnavailable>> RedeliverGroupAsync(
        string fingerprint, FailedMessageRedriver redriver, CancellationToken cancellationToken, int limit = 100, double ratePerSecond = 10)
    {
        var errors = new Dictionary<string, string[]>();
        if (limit is < 1 or > MaxGroupLimit)
        {
            errors["limit"] = [$"The limit is 1 to {MaxGroupLimit}."];
        }

        if (!(ratePerSecond is >= 0.1 and <= MaxRatePerSecond))
        {
            errors["ratePerSecond"] = [$"The rate is 0.1 to {MaxRatePerSecond} messages a second."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var outcome = await redriver.RedeliverGroupAsync(fingerprint, limit, ratePerSecond, cancellationToken);
        return outcome.Failed
            ? new ServiceUnavailable(
                $"The broker stopped confirming: {outcome.Moved} of {outcome.Matched} re-driven; the rest are unchanged and may be re-driven again.",
                RetryAfterSeconds)
            : TypedResults.Ok(new FailedMessageBatchResult(outcome.Matched, outcome.Moved));
    }

    /// <summary>Discards up to <paramref name="limit"/> Failed records of a group.</summary>
    public static async Task<Results<Ok<FailedMessageBatchResult>, ValidationProblem>> DiscardGroupAsync(
        string fingerprint, IFailedMessageStore store, FailedMessageRedriver redriver, CancellationToken cancellationToken,
        int limit = MaxGroupLimit)
    {
        if (limit is < 1 or > MaxGroupLimit)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"The limit is 1 to {MaxGroupLimit}."] });
        }

        var matched = await store.FindFailedInGroupAsync(fingerprint, limit, cancellationToken);
        var moved = 0;
        foreach (var message in matched)
        {
            moved += await redriver.DiscardAsync(message, cancellationToken) ? 1 : 0;
        }

        return TypedResults.Ok(new FailedMessageBatchResult(matched.Count, moved));
    }

    private static ProblemHttpResult NotFailed(FailedMessage message) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Not a failed message any more",
        detail: $"The message is {message.Status}; only a Failed one can be re-driven or discarded.");
}
