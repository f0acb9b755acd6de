using Backend.Domain.Catalog;

namespace Backend.Domain.Tests.Catalog;

public sealed class SkuTests
{
    [Theory]
    [InlineData("A")]
    [InlineData("WIDGET-1")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345")]
    public void Valid_when_upper_case_letters_digits_and_dashes(string sku) => Sku.IsValid(sku).ShouldBeTrue();

    [Theory]
    [InlineData("ABC\n")]
    [InlineData("ABC\r\n")]
    [InlineData("\nABC")]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("ABC DEF")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")]
    [InlineData(null)]
    public void Invalid_when_anything_else(string? sku) => Sku.IsValid(sku).ShouldBeFalse();
}
