using Backend.Api.Orders;

namespace Backend.Api.Tests.Orders;

public sealed class ValidatedOrderTests
{
    [Fact]
    public void Same_fingerprint_when_requests_differ_only_in_form()
    {
        var first = Validate(new SubmitOrderRequest([new OrderLineRequest("SKU-1", 2)], "tok", new ShipToRequest("us", " ", null, null, null)));
        var second = Validate(new SubmitOrderRequest([new OrderLineRequest("SKU-1", 2)], "tok", new ShipToRequest("US", null, null, null, null)));

        first.Fingerprint().ShouldBe(second.Fingerprint());
        first.Fingerprint().ShouldMatch("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Different_fingerprint_when_a_quantity_differs()
    {
        var first = Validate(new SubmitOrderRequest([new OrderLineRequest("SKU-1", 2)], "tok", new ShipToRequest("US", null, null, null, null)));
        var second = Validate(new SubmitOrderRequest([new OrderLineRequest("SKU-1", 3)], "tok", new ShipToRequest("US", null, null, null, null)));

        first.Fingerprint().ShouldNotBe(second.Fingerprint());
    }

    private static ValidatedOrder Validate(SubmitOrderRequest request)
    {
        var errors = new ValidationErrors();
        var validated = SubmitOrderValidation.Validate(request, null, errors);
        errors.IsEmpty.ShouldBeTrue();
        return validated!;
    }
}
