using Backend.Contracts.Catalog;
using Backend.Domain.Catalog;
using Backend.Validation.Catalog;

namespace Backend.Validation.Tests.Catalog;

public sealed class UpsertProductValidatorTests
{
    [Fact]
    public void Definition_keeps_what_is_left_out_when_only_the_sku_is_sent()
    {
        var errors = new ValidationErrors();

        UpsertProductValidator.Validate(new UpsertProduct("SKU-1"), errors).ShouldBe(new ProductDefinition("SKU-1", null, null));

        errors.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void Definition_with_trimmed_name_when_every_field_is_at_its_limit()
    {
        var name = new string('n', ProductLimits.MaxNameLength);
        var message = new UpsertProduct("SKU-1", $" {name} ", ProductLimits.MaxUnitPrice, false, ProductLimits.MaxReorderPoint, 0);

        UpsertProductValidator.Validate(message, new ValidationErrors())
            .ShouldBe(new ProductDefinition("SKU-1", name, ProductLimits.MaxUnitPrice, false, ProductLimits.MaxReorderPoint, 0));
    }

    public static TheoryData<UpsertProduct, string> Refused => new()
    {
        { new UpsertProduct("ABC\n"), "sku" },
        { new UpsertProduct("abc"), "sku" },
        { new UpsertProduct("SKU-1", Name: " "), "name" },
        { new UpsertProduct("SKU-1", Name: new string('n', ProductLimits.MaxNameLength + 1)), "name" },
        { new UpsertProduct("SKU-1", UnitPrice: ProductLimits.MaxUnitPrice + 0.01m), "unitPrice" },
        { new UpsertProduct("SKU-1", UnitPrice: 1.005m), "unitPrice" },
        { new UpsertProduct("SKU-1", ReorderPoint: -1), "reorderPoint" },
        { new UpsertProduct("SKU-1", ReorderPoint: ProductLimits.MaxReorderPoint + 1), "reorderPoint" },
        { new UpsertProduct("SKU-1", Version: -1), "version" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Field_error_when_a_sent_field_is_out_of_bounds(UpsertProduct message, string field)
    {
        var errors = new ValidationErrors();

        UpsertProductValidator.Validate(message, errors).ShouldBeNull();

        errors.ToDictionary().Keys.ShouldBe([field]);
    }

    [Fact]
    public void Field_errors_for_name_and_price_when_a_create_lacks_them()
    {
        var errors = new ValidationErrors();

        UpsertProductValidator.RequireCreatable(new UpsertProduct("SKU-1", Active: false), errors).ShouldBeFalse();

        errors.ToDictionary().Keys.ShouldBe(["name", "unitPrice"], ignoreOrder: true);
    }
}
