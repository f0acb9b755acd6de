using Backend.Domain.Catalog;
using Backend.Domain.FailedMessages;
using Backend.Domain.Jobs;
using Backend.Domain.Orders;

using Backend.Fulfilment.FailedMessages;

using Microsoft.Extensions.Options;

namespace Backend.Fulfilment.Jobs;

/// <summary>
/// Removes what only deduplication or history needs once its window has passed: Idempotency-Keys (the orders stay),
/// settled reservations, stock-receipt ids, the jobs' run history and discarded failed messages. On MongoDB this is also what bounds the
/// product documents, which hold their reservations and receipts.
/// </summary>
public sealed class DataRetentionJob(
    IOrderStore orders,
    IProductStore products,
    IJobStore jobs,
    IFailedMessageStore failedMessages,
    IOptions<RetentionOptions> retention,
    IOptions<OrderRetentionOptions> orderRetention,
    IOptions<FailedMessagesOptions> failedMessageRetention,
    TimeProvider time) : IRecurringJob
{
    public async Task<string> RunAsync(JobOccurrence occurrence, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var windows = retention.Value;
        var keys = await orders.RemoveIdempotencyKeysBeforeAsync(now - orderRetention.Value.IdempotencyKeyRetention, cancellationToken);
        var reservations = await products.RemoveSettledReservationsBeforeAsync(now - windows.SettledReservations, cancellationToken);
        var receipts = await products.RemoveReceiptsBeforeAsync(now - windows.StockReceipts, cancellationToken);
        var runs = await jobs.RemoveRunsBeforeAsync(now - windows.JobRuns, cancellationToken);
        var discarded = await failedMessages.RemoveDiscardedBeforeAsync(now - failedMessageRetention.Value.DiscardedRetention, cancellationToken);
        return $"removed {keys} idempotency keys, {reservations} settled reservations, {receipts} receipt ids, {runs} job runs, " +
            $"{discarded} discarded failed messages";
    }
}
