using Backend.Contracts.Catalog;
using Backend.Domain.Catalog;

namespace Backend.Api.Products;

public static class ProductValidation
{
    public const int MaxNameLength = 200;
    public const int MaxReceiptQuantity = 1_000_000;
    public const int MaxReceiptIdLength = 100;

    public static bool CheckSku(string sku, ValidationErrors errors) =>
        errors.Check(Sku.IsValid(sku), "sku", $"A SKU must match {Sku.Pattern}.");

    public static UpsertProduct? Validate(string sku, UpsertProductRequest request, ValidationErrors errors)
    {
        CheckSku(sku, errors);
        var name = request.Name?.Trim();
        errors.Check(name is { Length: >= 1 and <= MaxNameLength }, "name", $"A name of 1 to {MaxNameLength} characters is required.");
        errors.Check(
            request.UnitPrice is { } price && price >= 0 && price == decimal.Round(price, 2),
            "unitPrice",
            "A unit price of at least 0 with at most 2 decimal places is required.");
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
            request.Quantity is >= 1 and <= MaxReceiptQuantity, "quantity", $"The quantity must be 1 to {MaxReceiptQuantity}.");
        errors.Check(
            !string.IsNullOrWhiteSpace(request.ReceiptId) && request.ReceiptId.Length <= MaxReceiptIdLength,
            "receiptId",
            $"A receipt id of 1 to {MaxReceiptIdLength} characters is required.");

        return errors.IsEmpty ? new StockReplenished(sku, request.Quantity!.Value, request.ReceiptId!) : null;
    }
}
