namespace Backend.Contracts.Catalog;

/// <summary>Creates or updates a product's definition; stock moves only through receipts and orders.</summary>
public sealed record UpsertProduct(string Sku, string Name, decimal UnitPrice, bool Active = true, int ReorderPoint = 0);

/// <summary>Goods received by the warehouse; counted once per receipt id.</summary>
public sealed record StockReplenished(string Sku, int Quantity, string ReceiptId);

/// <summary>Published once each time a product's available stock drops below its reorder point.</summary>
public sealed record StockLow(string Sku, int Available, int ReorderPoint);
