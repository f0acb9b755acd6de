namespace Backend.Domain.Catalog;

/// <summary>
/// A catalog entry with its stock counters; <see cref="Available"/> is what can still be reserved. <see cref="Version"/>
/// is the source system's version of the definition last applied, when it sent one.
/// </summary>
public sealed record Product(
    string Sku,
    string Name,
    decimal UnitPrice,
    bool Active,
    int OnHand,
    int Reserved,
    int ReorderPoint,
    bool BelowReorderPoint = false,
    long? Version = null)
{
    public int Available => OnHand - Reserved;

    /// <summary>True when a low-stock warning is due: below the reorder point and not yet announced.</summary>
    public bool CrossedReorderPoint => Available < ReorderPoint && !BelowReorderPoint;

    /// <summary>True when the product climbed back to its reorder point after a warning.</summary>
    public bool RecoveredFromReorderPoint => Available >= ReorderPoint && BelowReorderPoint;
}
