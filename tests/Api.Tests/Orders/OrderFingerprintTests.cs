using Backend.Api.Orders;
using Backend.Validation;
using Backend.Validation.Orders;

namespace Backend.Api.Tests.Orders;

public sealed class OrderFingerprintTests
{
    [Fact]
    public void Same_fingerprint_when_requests_differ_only_in_form()
    {
        var first = Validate(new SubmitOrderRequest([new OrderLineRequest("SKU-1", 2)], "tok", new ShipToRequest("us", " ", null, null, null)));
        var second = Validate(new SubmitOrderRequest([new OrderLineRequest("SKU-1", 2)], "tok", new ShipToRequest("US", null, null, null, null)));

        OrderFingerprint.Of(first).ShouldBe(OrderFingerprint.Of(second));
        OrderFingerprint.Of(first).ShouldMatch("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Different_fingerprint_when_a_quantity_differs()
    {
        var first = Validate(new SubmitOrderRequest([new OrderLineRequest("SKU-1", 2)], "tok", new ShipToRequest("US", null, null, null, null)));
        var second = Validate(new SubmitOrderRequest([new OrderLineRequest("SKU-1", 3)], "tok", new ShipToRequest("US", null, null, null, null)));

        OrderFingerprint.Of(first).ShouldNotBe(OrderFingerprint.Of(second));
    }

    private static OrderContent Validate(SubmitOrderRequest request)
    {
        var errors = new ValidationErrors();
        var validated = SubmitOrderValidation.Validate(request, null, errors);
        errors.IsEmpty.ShouldBeTrue();
        return validated!;
    }
}
