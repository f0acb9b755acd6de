using Backend.Domain.Catalog;

namespace Backend.Validation.Catalog;

public static class SkuValidator
{
    public static bool Validate(string? sku, ValidationErrors errors) =>
        errors.Check(Sku.IsValid(sku), "sku", $"A SKU must match {Sku.Description}.");
}
