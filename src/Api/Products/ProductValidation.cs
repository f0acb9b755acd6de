using Backend.Contracts.Catalog;
using Backend.Validation;
using Backend.Validation.Catalog;

namespace Backend.Api.Products;

/// <summary>Holds a request to the same validator as the message it is published as.</summary>
public static class ProductValidation
{
    /// <summary>
    /// A PUT may create the product, and the ingress does not look it up first, so it always needs a name and a
    /// unit price.
    /// </summary>
    public static UpsertProduct? Validate(string sku, UpsertProductRequest request, ValidationErrors errors)
    {
        var message = new UpsertProduct(sku, request.Name, request.UnitPrice, request.Active, request.ReorderPoint, request.Version);
        UpsertProductValidator.RequireCreatable(message, errors);
        return UpsertProductValidator.Validate(message, errors) is { } definition ? message with { Name = definition.Name } : null;
    }

    public static StockReplenished? Validate(string sku, StockReceiptRequest request, ValidationErrors errors)
    {
        // A missing quantity or receipt id becomes a value the validator refuses with the same per-field message.
        var message = new StockReplenished(sku, request.Quantity ?? 0, request.ReceiptId ?? "");
        return StockReplenishedValidator.Validate(message, errors) ? message : null;
    }
}
