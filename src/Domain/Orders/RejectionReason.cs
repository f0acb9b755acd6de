namespace Backend.Domain.Orders;

/// <summary>The reason codes clients see on a rejected order.</summary>
public static class RejectionReason
{
    public const string UnknownSku = nameof(UnknownSku);
    public const string ProductInactive = nameof(ProductInactive);
    public const string OutOfStock = nameof(OutOfStock);
    public const string PaymentDeclined = nameof(PaymentDeclined);
    public const string LimitExceeded = nameof(LimitExceeded);
}
