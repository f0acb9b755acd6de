using Backend.Contracts.Catalog;
using Backend.Domain.Catalog;

namespace Backend.Validation.Catalog;

public static class StockReplenishedValidator
{
    public static bool Validate(StockReplenished message, ValidationErrors errors)
    {
        SkuValidator.Validate(message.Sku, errors);
        errors.Check(
            ProductLimits.IsReceiptQuantity(message.Quantity), "quantity", $"The quantity must be 1 to {ProductLimits.MaxReceiptQuantity}.");
        errors.Check(
            ProductLimits.IsReceiptId(message.ReceiptId),
            "receiptId",
            $"A receipt id of 1 to {ProductLimits.MaxReceiptIdLength} characters is required.");
        return errors.IsEmpty;
    }
}
