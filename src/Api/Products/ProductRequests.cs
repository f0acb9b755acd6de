namespace Backend.Api.Products;

// Nullable throughout so that a missing field becomes a per-field validation error, not a JSON failure.
// Active and ReorderPoint left out keep their stored values (a new product takes the defaults); Version is the
// caller's own counter, as on the broker.
public sealed record UpsertProductRequest(string? Name, decimal? UnitPrice, bool? Active, int? ReorderPoint, long? Version = null);

public sealed record StockReceiptRequest(int? Quantity, string? ReceiptId);
