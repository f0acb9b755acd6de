using Backend.Domain.Orders;
using Backend.Fulfilment.Orders;

using MassTransit;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Quartz;

namespace Backend.Fulfilment.Jobs;

/// <summary>
/// Settles final orders still marked unsettled: a worker that died between storing the outcome and releasing or
/// committing the stock (and voiding or capturing the payment), or whose settling ran out of retries, left the mark.
/// Each is settled here, in this process, and its outcome announced again.
/// </summary>
[DisallowConcurrentExecution]
public sealed class OrderSettlementJob(
    IOrderStore orders, OrderWorkflow workflow, IBus bus, TimeProvider time, IOptions<JobsOptions> options, ILogger<OrderSettlementJob> logger)
    : IJob
{
    public static readonly JobKey Key = new("order-settlement");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var activity = JobTelemetry.Source.StartActivity($"job {Key.Name}");
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

        activity?.SetTag("backend.job.failed", failed);

        activity?.SetTag("backend.job.orders", due.Count);
        if (due.Count > 0)
        {
            Log.OrdersSettled(logger, Key.Name, due.Count);
        }
    }
}
