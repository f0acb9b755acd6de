namespace Backend.Domain.Catalog;

/// <summary>
/// What an upsert may change: everything but the stock counters. A null field keeps its stored value; a product
/// that does not exist yet needs <see cref="Name"/> and <see cref="UnitPrice"/> and takes the defaults for the rest.
/// <see cref="Version"/> is the source system's own counter: a change not newer than the stored one changes nothing.
/// </summary>
public sealed record ProductDefinition(
    string Sku,
    string? Name,
    decimal? UnitPrice,
    bool? Active = null,
    int? ReorderPoint = null,
    long? Version = null)
{
    public const bool DefaultActive = true;
    public const int DefaultReorderPoint = 0;

    /// <summary>True when the definition could create the product, not only change it.</summary>
    public bool CanCreate => Name is not null && UnitPrice is not null;
}

public enum UpsertOutcome
{
    /// <summary>Created, or changed where it was not newer than the message.</summary>
    Applied,

    /// <summary>The stored version is the message's or newer: nothing changed.</summary>
    Stale,

    /// <summary>The product does not exist and the definition lacks what creating it needs: nothing changed.</summary>
    Incomplete,
}
