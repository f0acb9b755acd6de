using Backend.Contracts.Orders;
using Backend.Domain.Orders;
using Backend.Validation.Orders;

namespace Backend.Validation.Tests.Orders;

public sealed class CancelOrderValidatorTests
{
    [Fact]
    public void Valid_when_requested_by_is_at_its_limit() =>
        CancelOrderValidator.Validate(new CancelOrder(Guid.NewGuid(), new string('r', OrderLimits.MaxRequestedByLength)), new ValidationErrors())
            .ShouldBeTrue();

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public void Field_error_when_requested_by_is_missing(string? requestedBy) =>
        Errors(new CancelOrder(Guid.NewGuid(), requestedBy!)).Keys.ShouldBe(["requestedBy"]);

    [Fact]
    public void Field_error_when_requested_by_is_too_long() =>
        Errors(new CancelOrder(Guid.NewGuid(), new string('r', OrderLimits.MaxRequestedByLength + 1))).Keys.ShouldBe(["requestedBy"]);

    [Fact]
    public void Field_error_when_order_id_is_empty() =>
        Errors(new CancelOrder(Guid.Empty, "operator")).Keys.ShouldBe(["orderId"]);

    private static Dictionary<string, string[]> Errors(CancelOrder message)
    {
        var errors = new ValidationErrors();
        CancelOrderValidator.Validate(message, errors).ShouldBeFalse();
        return errors.ToDictionary();
    }
}
