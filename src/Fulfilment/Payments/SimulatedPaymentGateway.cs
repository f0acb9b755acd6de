using System.Collections.Concurrent;

using Backend.Domain.Orders;
using Backend.Domain.Payments;

using Microsoft.Extensions.Options;

namespace Backend.Fulfilment.Payments;

/// <summary>
/// Stands in for a card processor. The order id is the idempotency key: asking again for the same order gives
/// the first answer. <c>tok_decline</c> declines, <c>tok_flaky</c> is unavailable a few times, then approves.
/// State lives in this process, as a real processor's would live on its side.
/// </summary>
public sealed class SimulatedPaymentGateway(IOptions<PaymentOptions> options) : IPaymentGateway
{
    public const string DeclineToken = "tok_decline";
    public const string FlakyToken = "tok_flaky";

    private readonly ConcurrentDictionary<Guid, AuthorizationResult> _authorizations = new();
    private readonly ConcurrentDictionary<Guid, int> _flakyAttempts = new();
    private readonly ConcurrentDictionary<Guid, string> _settled = new();

    public Task<AuthorizationResult> AuthorizeAsync(PaymentRequest request, CancellationToken cancellationToken)
    {
        if (_authorizations.TryGetValue(request.OrderId, out var earlier))
        {
            return Task.FromResult(earlier);
        }

        if (request.PaymentToken == FlakyToken &&
            _flakyAttempts.AddOrUpdate(request.OrderId, 1, (_, attempts) => attempts + 1) <= options.Value.FlakyFailures)
        {
            throw new PaymentGatewayUnavailableException($"The payment gateway timed out for order {request.OrderId}.");
        }

        var result = Decide(request);
        return Task.FromResult(_authorizations.GetOrAdd(request.OrderId, result));
    }

    public Task CaptureAsync(Guid orderId, CancellationToken cancellationToken)
    {
        _settled.TryAdd(orderId, "captured");
        return Task.CompletedTask;
    }

    public Task VoidAsync(Guid orderId, CancellationToken cancellationToken)
    {
        _settled.TryAdd(orderId, "voided");
        return Task.CompletedTask;
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
