using Backend.Domain.Orders;
using Backend.Fulfilment.Orders;

using MassTransit;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backend.Fulfilment.Jobs;

/// <summary>
/// Settles final orders still marked unsettled: a worker that died between storing the outcome and releasing or
/// committing the stock (and voiding or capturing the payment), or whose settling ran out of retries, left the mark.
/// Each is settled here, in this process, and its outcome announced again.
/// </summary>
public sealed class OrderSettlementJob(
    IOrderStore orders, OrderWorkflow workflow, IBus bus, TimeProvider time, IOptions<JobsOptions> options, ILogger<OrderSettlementJob> logger)
    : IRecurringJob
{
    public async Task<string> RunAsync(JobOccurrence occurrence, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var due = await orders.FindSettlementPendingAsync(time.GetUtcNow() - settings.SettleAfter, settings.BatchSize, cancellationToken);
        var failed = 0;
        foreach (var order in due)
        {
            // One order whose settling keeps failing (its store or gateway away) must not hold up those behind it:
            // it stays marked, the next run tries it again, and the audit reports it once it is overdue.
            try
            {
                await workflow.RepeatOutcomeAsync(order, bus, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failed++;
                Log.SettlementFailed(logger, order.Id, exception);
            }
        }

        if (due.Count > 0)
        {
            Log.OrdersSettled(logger, occurrence.Job, due.Count);
        }

        if (failed > 0)
        {
            // A failed run shows in the history and the runs metric, where an alert can catch a settlement stuck for good.
            throw new InvalidOperationException($"{failed} of {due.Count} unsettled orders could not be settled; they stay marked for the next run.");
        }

        return $"settled {due.Count} final orders";
    }
}
