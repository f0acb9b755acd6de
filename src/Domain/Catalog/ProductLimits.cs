namespace Backend.Domain.Catalog;

/// <summary>What a product definition may hold, whether it comes over HTTP or straight from the broker.</summary>
public static class ProductLimits
{
    public const int MaxNameLength = 200;

    /// <summary>A ceiling well above any real price, so pricing arithmetic can never overflow.</summary>
    public const decimal MaxUnitPrice = 1_000_000m;

    public const int MaxReceiptQuantity = 1_000_000;

    /// <summary>The ceiling of a product's on-hand count, so no sum of receipts can overflow the stock counters.</summary>
    public const int MaxOnHand = 1_000_000_000;
    public const int MaxReceiptIdLength = 100;

    /// <summary>Far above any real threshold, and far below where the available-stock comparison could overflow.</summary>
    public const int MaxReorderPoint = 1_000_000;

    public static bool IsUnitPrice(decimal? price) =>
        price is { } value && value >= 0 && value <= MaxUnitPrice && value == decimal.Round(value, 2);

    public static bool IsName(string? name) => name is { Length: >= 1 and <= MaxNameLength };

    public static bool IsReceiptQuantity(int? quantity) => quantity is >= 1 and <= MaxReceiptQuantity;

    public static bool IsReceiptId(string? receiptId) => Text.IsBounded(receiptId, MaxReceiptIdLength);

    public static bool IsReorderPoint(int? reorderPoint) => reorderPoint is >= 0 and <= MaxReorderPoint;

    /// <summary>The source system's own counter: any non-negative number, compared only with the stored one.</summary>
    public static bool IsVersion(long? version) => version is >= 0;
}
