namespace Backend.Domain.Payments;

/// <summary>
/// The payment gateway's memory, kept in the store so every process and every restart shares it: at most one
/// authorization per order, the attempts made for it, and how it was settled. Every operation is atomic in the
/// store, so concurrent callers in any number of processes agree on one answer.
/// </summary>
public interface IPaymentLedger
{
    Task<PaymentRecord?> FindAsync(Guid orderId, CancellationToken cancellationToken);

    /// <summary>Counts one more attempt to authorize the order and returns the count, this one included.</summary>
    Task<int> RecordAttemptAsync(Guid orderId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="result"/> as the order's authorization unless one is stored already, and returns the
    /// stored one: the first caller's result wins, whatever later callers decided.
    /// </summary>
    Task<AuthorizationResult> TryRecordAuthorizationAsync(Guid orderId, AuthorizationResult result, CancellationToken cancellationToken);

    /// <summary>
    /// Marks an approved authorization voided or captured, once. The first settlement is final: asking for the
    /// other one afterwards changes nothing and reports <see cref="SettlementOutcome.Conflict"/>.
    /// </summary>
    Task<SettlementOutcome> SettleAsync(Guid orderId, PaymentSettlement settlement, CancellationToken cancellationToken);

    /// <summary>What the ledger holds for each of <paramref name="orderIds"/> that it knows (for the audit).</summary>
    Task<IReadOnlyList<PaymentRecord>> FindManyAsync(IReadOnlyCollection<Guid> orderIds, CancellationToken cancellationToken);

    /// <summary>Approved authorizations stored for the order: what an audit of "at most one per order" reads.</summary>
    Task<int> CountAuthorizationsAsync(Guid orderId, CancellationToken cancellationToken);
}
