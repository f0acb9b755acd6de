using Backend.Domain.Orders;
using Backend.Domain.Payments;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backend.Fulfilment.Payments;

/// <summary>
/// Stands in for a card processor. The order id is the idempotency key: asking again for the same order gives
/// the first answer, approved or declined, with the same authorization id. <c>tok_decline</c> declines,
/// <c>tok_flaky</c> is unavailable a few times, then approves. What a real processor would remember on its side
/// lives in the store's payment ledger, so restarts and worker replicas share it.
/// </summary>
public sealed class SimulatedPaymentGateway(
    IPaymentLedger ledger, IOptions<PaymentOptions> options, ILogger<SimulatedPaymentGateway> logger) : IPaymentGateway
{
    public const string DeclineToken = "tok_decline";
    public const string FlakyToken = "tok_flaky";

    public async Task<AuthorizationResult> AuthorizeAsync(PaymentRequest request, CancellationToken cancellationToken)
    {
        if (request.PaymentToken == FlakyToken)
        {
            // Read first so a decided order does not count another flaky attempt.
            if (await ledger.FindAsync(request.OrderId, cancellationToken) is { Authorization: { } earlier })
            {
                return earlier;
            }

            // Counted in the store: the failures are FlakyFailures in all, however many processes try.
            var attempt = await ledger.RecordAttemptAsync(request.OrderId, cancellationToken);
            if (attempt <= options.Value.FlakyFailures)
            {
                Log.PaymentGatewayUnavailable(logger, request.OrderId, attempt);
                throw new PaymentGatewayUnavailableException($"The payment gateway timed out for order {request.OrderId}.");
            }
        }

        // The ledger keeps the first decision and hands it to every caller, concurrent or later, so a decided order
        // gets its decision again without a read before (one store round trip fewer per order).
        return await ledger.TryRecordAuthorizationAsync(request.OrderId, Decide(request), cancellationToken);
    }

    public Task CaptureAsync(Guid orderId, CancellationToken cancellationToken) =>
        SettleAsync(orderId, PaymentSettlement.Captured, cancellationToken);

    public Task VoidAsync(Guid orderId, CancellationToken cancellationToken) =>
        SettleAsync(orderId, PaymentSettlement.Voided, cancellationToken);

    /// <summary>
    /// Settles once; repeats change nothing. Voiding or capturing an order that holds no approved authorization
    /// (declined, rejected before payment) is a no-op: there is no hold to act on. A void can come before a racing
    /// authorization and find nothing; the authorizing consumer then fails its versioned save of the order, finds
    /// it final and voids again. A capture after a void, or a
    /// void after a capture, is refused and the first settlement stands, because each undoes a fact: a void gave
    /// the hold back, so there is nothing left to capture, and a capture took the money when the goods shipped,
    /// which only a refund, not a void, could reverse. The workflow voids only for Rejected, Cancelled and Expired
    /// and captures only for Shipped, all final, so a refusal means a fault elsewhere: it is logged as a warning
    /// and left in the ledger for an audit, and not thrown, since retrying a message cannot change a settled fact.
    /// </summary>
    private async Task SettleAsync(Guid orderId, PaymentSettlement settlement, CancellationToken cancellationToken)
    {
        var outcome = await ledger.SettleAsync(orderId, settlement, cancellationToken);
        if (outcome == SettlementOutcome.Conflict)
        {
            Log.PaymentSettlementRefused(logger, orderId, settlement);
            return;
        }

        Log.PaymentSettled(logger, orderId, settlement, outcome);
    }

    private AuthorizationResult Decide(PaymentRequest request)
    {
        if (request.PaymentToken == DeclineToken)
        {
            return AuthorizationResult.Decline(RejectionReason.PaymentDeclined);
        }

        if (request.Amount > options.Value.LimitFor(request.CustomerId))
        {
            return AuthorizationResult.Decline(RejectionReason.LimitExceeded);
        }

        return AuthorizationResult.Approve($"auth_{request.OrderId:N}");
    }
}
