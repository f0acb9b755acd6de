namespace Backend.Contracts.Catalog;

/// <summary>
/// Creates or updates a product's definition; stock moves only through receipts and orders. A field left out (null)
/// keeps its stored value; creating a product needs <see cref="Name"/> and <see cref="UnitPrice"/>. <see cref="Version"/>
/// is the source system's counter: a message not newer than the last one applied changes nothing.
/// </summary>
public sealed record UpsertProduct(
    string Sku,
    string? Name = null,
    decimal? UnitPrice = null,
    bool? Active = null,
    int? ReorderPoint = null,
    long? Version = null);

/// <summary>Goods received by the warehouse; counted once per receipt id.</summary>
public sealed record StockReplenished(string Sku, int Quantity, string ReceiptId);

/// <summary>Published once each time a product's available stock drops below its reorder point.</summary>
public sealed record StockLow(string Sku, int Available, int ReorderPoint);
