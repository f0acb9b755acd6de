using Backend.Contracts.Shipping;
using Backend.Domain.Orders;
using Backend.Validation.Shipping;

namespace Backend.Validation.Tests.Shipping;

public sealed class ShipmentDispatchedValidatorTests
{
    [Fact]
    public void Valid_when_carrier_and_tracking_number_are_at_their_limits() =>
        ShipmentDispatchedValidator.Validate(
            new ShipmentDispatched(
                Guid.NewGuid(), new string('c', ShipmentLimits.MaxCarrierLength), new string('t', ShipmentLimits.MaxTrackingNumberLength)),
            new ValidationErrors()).ShouldBeTrue();

    [Fact]
    public void Field_error_when_carrier_is_too_long() =>
        Errors(new ShipmentDispatched(Guid.NewGuid(), new string('c', ShipmentLimits.MaxCarrierLength + 1), "JD1")).Keys.ShouldBe(["carrier"]);

    [Fact]
    public void Field_error_when_tracking_number_is_too_long() =>
        Errors(new ShipmentDispatched(Guid.NewGuid(), "DHL", new string('t', ShipmentLimits.MaxTrackingNumberLength + 1)))
            .Keys.ShouldBe(["trackingNumber"]);

    [Fact]
    public void Field_errors_when_fields_are_blank() =>
        Errors(new ShipmentDispatched(Guid.Empty, " ", "")).Keys.ShouldBe(["orderId", "carrier", "trackingNumber"], ignoreOrder: true);

    private static Dictionary<string, string[]> Errors(ShipmentDispatched message)
    {
        var errors = new ValidationErrors();
        ShipmentDispatchedValidator.Validate(message, errors).ShouldBeFalse();
        return errors.ToDictionary();
    }
}
