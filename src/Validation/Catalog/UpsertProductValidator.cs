using Backend.Contracts.Catalog;
using Backend.Domain.Catalog;

namespace Backend.Validation.Catalog;

/// <summary>
/// Every field but the SKU may be left out, to keep its stored value; what is sent must be in range. Whether a
/// message lacking a name or price may stand (it may not create a product) is known only where the product is.
/// </summary>
public static class UpsertProductValidator
{
    public const string NameRequired = "A name is required to create a product.";
    public const string UnitPriceRequired = "A unit price is required to create a product.";

    /// <summary>The message with its name trimmed, or null with the reasons in <paramref name="errors"/>.</summary>
    public static ProductDefinition? Validate(UpsertProduct message, ValidationErrors errors)
    {
        SkuValidator.Validate(message.Sku, errors);
        var name = message.Name?.Trim();
        errors.Check(
            name is null || ProductLimits.IsName(name), "name", $"A name, when sent, must have 1 to {ProductLimits.MaxNameLength} characters.");
        errors.Check(
            message.UnitPrice is null || ProductLimits.IsUnitPrice(message.UnitPrice),
            "unitPrice",
            $"A unit price, when sent, must be 0 to {ProductLimits.MaxUnitPrice} with at most 2 decimal places.");
        errors.Check(
            message.ReorderPoint is null || ProductLimits.IsReorderPoint(message.ReorderPoint),
            "reorderPoint",
            $"A reorder point, when sent, must be 0 to {ProductLimits.MaxReorderPoint}.");
        errors.Check(message.Version is null || ProductLimits.IsVersion(message.Version), "version", "A version, when sent, must be 0 or more.");

        return errors.IsEmpty
            ? new ProductDefinition(message.Sku, name, message.UnitPrice, message.Active, message.ReorderPoint, message.Version)
            : null;
    }

    /// <summary>What creating a product needs beyond <see cref="Validate"/>: a name and a unit price.</summary>
    public static bool RequireCreatable(UpsertProduct message, ValidationErrors errors)
    {
        errors.Check(message.Name is not null, "name", NameRequired);
        errors.Check(message.UnitPrice is not null, "unitPrice", UnitPriceRequired);
        return errors.IsEmpty;
    }
}
