using Backend.Domain.Payments;
using Backend.Fulfilment.Payments;

namespace Backend.Fulfilment.Tests.Infrastructure;

/// <summary>The simulated gateway, except that its first void times out, as a real processor's sometimes does.</summary>
public sealed class VoidFailsOnceGateway(SimulatedPaymentGateway inner) : IPaymentGateway
{
    private int _voids;

    public int Voids => _voids;

    public Task<AuthorizationResult> AuthorizeAsync(PaymentRequest request, CancellationToken cancellationToken) =>
        inner.AuthorizeAsync(request, cancellationToken);

    public Task CaptureAsync(Guid orderId, CancellationToken cancellationToken) => inner.CaptureAsync(orderId, cancellationToken);

    public Task VoidAsync(Guid orderId, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref _voids) == 1
            ? throw new PaymentGatewayUnavailableException($"Void timed out for order {orderId}.")
            : inner.VoidAsync(orderId, cancellationToken);
}
