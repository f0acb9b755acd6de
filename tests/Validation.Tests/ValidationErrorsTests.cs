namespace Backend.Validation.Tests;

public sealed class ValidationErrorsTests
{
    [Fact]
    public void One_reason_per_message_naming_its_field()
    {
        var errors = new ValidationErrors();
        errors.Add("lines[0].sku", "Bad SKU.");
        errors.Add("lines[0].sku", "Still bad.");
        errors.Add("customerId", "Too long.");

        errors.ToReasons().ShouldBe(["'lines[0].sku': Bad SKU.", "'lines[0].sku': Still bad.", "'customerId': Too long."]);
    }
}
