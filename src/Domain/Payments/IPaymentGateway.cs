namespace Backend.Domain.Payments;

public sealed record PaymentRequest(Guid OrderId, string CustomerId, decimal Amount, string Currency, string PaymentToken);

/// <summary>An approved authorization carries its id; a declined one carries the rejection reason code.</summary>
public sealed record AuthorizationResult(bool Approved, string? AuthorizationId, string? DeclineReason)
{
    public static AuthorizationResult Approve(string authorizationId) => new(true, authorizationId, null);

    public static AuthorizationResult Decline(string reason) => new(false, null, reason);
}

/// <summary>The gateway could not answer this time; the same request may succeed when tried again.</summary>
public sealed class PaymentGatewayUnavailableException(string message) : Exception(message);

/// <summary>The payment port. The order id is the idempotency key of every call.</summary>
public interface IPaymentGateway
{
    Task<AuthorizationResult> AuthorizeAsync(PaymentRequest request, CancellationToken cancellationToken);

    Task CaptureAsync(Guid orderId, CancellationToken cancellationToken);

    Task VoidAsync(Guid orderId, CancellationToken cancellationToken);
}
