using Backend.Contracts.Catalog;
using Backend.Domain.Catalog;

namespace Backend.Api.Products;

public static class ProductValidation
{
    public static bool CheckSku(string sku, ValidationErrors errors) =>
        errors.Check(Sku.IsValid(sku), "sku", $"A SKU must match {Sku.Pattern}.");

    public static UpsertProduct? Validate(string sku, UpsertProductRequest request, ValidationErrors errors)
    {
        CheckSku(sku, errors);
        var name = request.Name?.Trim();
        errors.Check(ProductLimits.IsName(name), "name", $"A name of 1 to {ProductLimits.MaxNameLength} characters is required.");
        errors.Check(
            ProductLimits.IsUnitPrice(request.UnitPrice),
            "unitPrice",
            $"A unit price from 0 to {ProductLimits.MaxUnitPrice} with at most 2 decimal places is required.");
        errors.Check(request.Active is not null, "active", "Active (true or false) is required.");
        errors.Check(request.ReorderPoint is >= 0, "reorderPoint", "A reorder point of at least 0 is required.");

        return errors.IsEmpty
            ? new UpsertProduct(sku, name!, request.UnitPrice!.Value, request.Active!.Value, request.ReorderPoint!.Value)
            : null;
    }

    public static StockReplenished? Validate(string sku, StockReceiptRequest request, ValidationErrors errors)
    {
        CheckSku(sku, errors);
        errors.Check(
            ProductLimits.IsReceiptQuantity(request.Quantity), "quantity", $"The quantity must be 1 to {ProductLimits.MaxReceiptQuantity}.");
        errors.Check(
            ProductLimits.IsReceiptId(request.ReceiptId),
            "receiptId",
            $"A receipt id of 1 to {ProductLimits.MaxReceiptIdLength} characters is required.");

        return errors.IsEmpty ? new StockReplenished(sku, request.Quantity!.Value, request.ReceiptId!) : null;
    }
}
