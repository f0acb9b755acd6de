using Backend.Contracts.Catalog;
using Backend.Domain.Catalog;
using Backend.Validation.Catalog;

namespace Backend.Validation.Tests.Catalog;

public sealed class StockReplenishedValidatorTests
{
    [Fact]
    public void Valid_when_quantity_and_receipt_id_are_at_their_limits() =>
        StockReplenishedValidator.Validate(
            new StockReplenished("SKU-1", ProductLimits.MaxReceiptQuantity, new string('r', ProductLimits.MaxReceiptIdLength)),
            new ValidationErrors()).ShouldBeTrue();

    [Theory]
    [InlineData("SKU-1", 0, "GRN-1", "quantity")]
    [InlineData("SKU-1", ProductLimits.MaxReceiptQuantity + 1, "GRN-1", "quantity")]
    [InlineData("SKU-1", 1, "", "receiptId")]
    [InlineData("SKU-1\n", 1, "GRN-1", "sku")]
    public void Field_error_when_a_field_is_out_of_bounds(string sku, int quantity, string receiptId, string field)
    {
        var errors = new ValidationErrors();

        StockReplenishedValidator.Validate(new StockReplenished(sku, quantity, receiptId), errors).ShouldBeFalse();

        errors.ToDictionary().Keys.ShouldBe([field]);
    }

    [Fact]
    public void Field_error_when_receipt_id_is_too_long()
    {
        var errors = new ValidationErrors();

        StockReplenishedValidator.Validate(new StockReplenished("SKU-1", 1, new string('r', ProductLimits.MaxReceiptIdLength + 1)), errors);

        errors.ToDictionary().Keys.ShouldBe(["receiptId"]);
    }
}
