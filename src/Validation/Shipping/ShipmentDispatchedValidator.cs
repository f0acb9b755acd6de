using Backend.Contracts.Shipping;
using Backend.Domain.Orders;

namespace Backend.Validation.Shipping;

public static class ShipmentDispatchedValidator
{
    public static bool Validate(ShipmentDispatched message, ValidationErrors errors)
    {
        errors.Check(message.OrderId != Guid.Empty, "orderId", "A non-empty GUID is required.");
        errors.Check(
            ShipmentLimits.IsCarrier(message.Carrier),
            "carrier",
            $"A carrier of 1 to {ShipmentLimits.MaxCarrierLength} characters is required.");
        errors.Check(
            ShipmentLimits.IsTrackingNumber(message.TrackingNumber),
            "trackingNumber",
            $"A tracking number of 1 to {ShipmentLimits.MaxTrackingNumberLength} characters is required.");
        return errors.IsEmpty;
    }
}
