namespace Backend.Api.Products;

// Nullable throughout so that a missing field becomes a per-field validation error, not a JSON failure.
public sealed record UpsertProductRequest(string? Name, decimal? UnitPrice, bool? Active, int? ReorderPoint);

public sealed record StockReceiptRequest(int? Quantity, string? ReceiptId);
