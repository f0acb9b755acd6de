namespace Backend.Domain.Catalog;

/// <summary>What an upsert may change: everything but the stock counters.</summary>
public sealed record ProductDefinition(string Sku, string Name, decimal UnitPrice, bool Active, int ReorderPoint);
