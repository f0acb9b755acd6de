using Backend.Domain.Payments;

using MongoDB.Driver;

namespace Backend.Store.Mongo;

/// <summary>
/// Every write is one atomic update or insert of the order's payment document, conditional where it must be. Two
/// callers can race to insert a missing document; the loser gets a duplicate key on <c>_id</c> and works on the
/// winner's document instead.
/// </summary>
internal sealed class MongoPaymentLedger(MongoStoreContext context) : IPaymentLedger
{
    private const int MaxAttempts = 3;

    private static readonly FilterDefinitionBuilder<PaymentDocument> Filter = Builders<PaymentDocument>.Filter;
    private static readonly UpdateDefinitionBuilder<PaymentDocument> Update = Builders<PaymentDocument>.Update;

    public Task<PaymentRecord?> FindAsync(Guid orderId, CancellationToken cancellationToken) =>
        context.RunAsync("find_payment", () => FindStoredAsync(orderId, cancellationToken), cancellationToken);

    // An upsert matched on _id alone is retried by the server when a concurrent one inserted the document first
    // (MongoDB 4.2+), so concurrent first attempts are all counted.
    public Task<int> RecordAttemptAsync(Guid orderId, CancellationToken cancellationToken) =>
        context.RunAsync("record_payment_attempt", async () =>
        {
            var document = await context.Payments.FindOneAndUpdateAsync(
                Filter.Eq(d => d.OrderId, orderId),
                Update.Inc(d => d.Attempts, 1).SetOnInsert(d => d.Settlement, PaymentSettlement.None),
                new FindOneAndUpdateOptions<PaymentDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After },
                cancellationToken);
            return document.Attempts;
        }, cancellationToken);

    public Task<AuthorizationResult> TryRecordAuthorizationAsync(
        Guid orderId, AuthorizationResult result, CancellationToken cancellationToken) =>
        context.RunAsync("record_authorization", async () =>
        {
            var decide = result.Approved
                ? Update.Set(d => d.Approved, true).Set(d => d.AuthorizationId, result.AuthorizationId)
                : Update.Set(d => d.Approved, false).Set(d => d.DeclineReason, result.DeclineReason);
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                // Fills in a document that counted attempts only; a decided one keeps its first decision.
                await context.Payments.UpdateOneAsync(
                    Filter.Eq(d => d.OrderId, orderId) & Filter.Exists(d => d.Approved, exists: false),
                    decide,
                    cancellationToken: cancellationToken);
                if (await FindStoredAsync(orderId, cancellationToken) is { } stored)
                {
                    if (stored.Authorization is { } decided)
                    {
                        return decided;
                    }

                    // Inserted undecided by a concurrent attempt counter since the update: fill it in now.
                    continue;
                }

                try
                {
                    await context.Payments.InsertOneAsync(ToDocument(orderId, result), cancellationToken: cancellationToken);
                    return result;
                }
                catch (MongoWriteException exception) when (exception.WriteError.Category == ServerErrorCategory.DuplicateKey)
                {
                    // Another caller inserted it first, decided or not: the next round reads or fills it in.
                }
            }

            throw new InvalidOperationException($"The authorization of order {orderId} was not stored after {MaxAttempts} attempts.");
        }, cancellationToken);

    public Task<SettlementOutcome> SettleAsync(Guid orderId, PaymentSettlement settlement, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(settlement, PaymentSettlement.None);
        return context.RunAsync("settle_payment", async () =>
        {
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                var settled = await context.Payments.UpdateOneAsync(
                    Filter.Eq(d => d.OrderId, orderId) & Filter.Eq(d => d.Approved, true) & Filter.Eq(d => d.Settlement, PaymentSettlement.None),
                    Update.Set(d => d.Settlement, settlement),
                    cancellationToken: cancellationToken);
                if (settled.ModifiedCount == 1)
                {
                    return SettlementOutcome.Settled;
                }

                // Settled here means an approval landed between the update and this read: the update is tried again.
                var outcome = PaymentSettlements.Decide(await FindStoredAsync(orderId, cancellationToken), settlement);
                if (outcome != SettlementOutcome.Settled)
                {
                    return outcome;
                }
            }

            throw new InvalidOperationException($"The payment of order {orderId} was not settled after {MaxAttempts} attempts.");
        }, cancellationToken);
    }

    public Task<IReadOnlyList<PaymentRecord>> FindManyAsync(IReadOnlyCollection<Guid> orderIds, CancellationToken cancellationToken) =>
        context.RunAsync<IReadOnlyList<PaymentRecord>>("find_payments", async () =>
        {
            var documents = await context.Payments.Find(Filter.In(d => d.OrderId, orderIds)).ToListAsync(cancellationToken);
            return [.. documents.Select(document => document.ToDomain())];
        }, cancellationToken);

    public Task<int> CountAuthorizationsAsync(Guid orderId, CancellationToken cancellationToken) =>
        context.RunAsync("count_authorizations", async () => (int)await context.Payments.CountDocumentsAsync(
            Filter.Eq(d => d.OrderId, orderId) & Filter.Eq(d => d.Approved, true), cancellationToken: cancellationToken),
            cancellationToken);

    private static PaymentDocument ToDocument(Guid orderId, AuthorizationResult result) => new()
    {
        OrderId = orderId,
        Approved = result.Approved,
        AuthorizationId = result.AuthorizationId,
        DeclineReason = result.DeclineReason,
        Settlement = PaymentSettlement.None,
    };

    private async Task<PaymentRecord?> FindStoredAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var document = await context.Payments.Find(Filter.Eq(d => d.OrderId, orderId)).FirstOrDefaultAsync(cancellationToken);
        return document?.ToDomain();
    }
}
