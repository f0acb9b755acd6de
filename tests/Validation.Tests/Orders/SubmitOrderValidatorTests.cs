using Backend.Contracts.Orders;
using Backend.Domain.Orders;
using Backend.Validation.Orders;

namespace Backend.Validation.Tests.Orders;

public sealed class SubmitOrderValidatorTests
{
    private static readonly SubmitOrder Valid = new(
        Guid.CreateVersion7(), "customer-1", [new OrderLineItem("SKU-1", 2)], "tok_visa", new ShippingAddress(" de ", " ", "1 Main St"));

    [Fact]
    public void Normalized_content_when_the_order_is_valid()
    {
        var errors = new ValidationErrors();

        var content = SubmitOrderValidator.Validate(Valid, errors);

        errors.IsEmpty.ShouldBeTrue();
        content.ShouldNotBeNull();
        content.Lines.ShouldBe([new OrderLine("SKU-1", 2)]);
        content.ShipTo.ShouldBe(new ShipTo("DE", null, "1 Main St"));
    }

    [Fact]
    public void Accepted_when_every_string_is_at_its_limit()
    {
        var message = Valid with
        {
            CustomerId = new string('c', OrderLimits.MaxCustomerIdLength),
            PaymentToken = new string('t', OrderLimits.MaxPaymentTokenLength),
            ShipTo = new ShippingAddress("US", new string('n', OrderLimits.MaxAddressFieldLength)),
            Lines = [.. Enumerable.Range(0, OrderLimits.MaxLines).Select(_ => new OrderLineItem(new string('A', 32), OrderLimits.MaxQuantity))],
        };

        Errors(message).ShouldBeEmpty();
    }

    public static TheoryData<string, string> Refused => new()
    {
        { "customerId", "" },
        { "customerId", new string('c', OrderLimits.MaxCustomerIdLength + 1) },
        { "paymentToken", new string('t', OrderLimits.MaxPaymentTokenLength + 1) },
        { "shipTo.name", new string('n', OrderLimits.MaxAddressFieldLength + 1) },
        { "lines[0].sku", "ABC\n" },
        { "lines[0].sku", new string('A', 33) },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Field_error_when_a_string_is_out_of_bounds(string field, string value)
    {
        var message = field switch
        {
            "customerId" => Valid with { CustomerId = value },
            "paymentToken" => Valid with { PaymentToken = value },
            "shipTo.name" => Valid with { ShipTo = new ShippingAddress("US", value) },
            _ => Valid with { Lines = [new OrderLineItem(value, 1)] },
        };

        Errors(message).Keys.ShouldBe([field]);
    }

    [Fact]
    public void Field_errors_when_fields_are_missing_or_out_of_range()
    {
        var message = new SubmitOrder(Guid.Empty, null!, [new OrderLineItem("SKU-1", 0)], null!, null!);

        Errors(message).Keys.ShouldBe(["orderId", "customerId", "lines[0].quantity", "paymentToken", "shipTo"], ignoreOrder: true);
    }

    [Fact]
    public void Field_error_when_there_are_more_lines_than_allowed() =>
        Errors(Valid with { Lines = [.. Enumerable.Repeat(new OrderLineItem("A", 1), OrderLimits.MaxLines + 1)] }).Keys.ShouldBe(["lines"]);

    private static Dictionary<string, string[]> Errors(SubmitOrder message)
    {
        var errors = new ValidationErrors();
        SubmitOrderValidator.Validate(message, errors);
        return errors.ToDictionary();
    }
}
