using Backend.Contracts.Orders;
using Backend.Domain.Orders;

namespace Backend.Validation.Orders;

public static class CancelOrderValidator
{
    public static bool Validate(CancelOrder message, ValidationErrors errors)
    {
        errors.Check(message.OrderId != Guid.Empty, "orderId", "A non-empty GUID is required.");
        errors.Check(
            OrderLimits.IsRequestedBy(message.RequestedBy),
            "requestedBy",
            $"Who asked for it, 1 to {OrderLimits.MaxRequestedByLength} characters, is required.");
        return errors.IsEmpty;
    }
}
