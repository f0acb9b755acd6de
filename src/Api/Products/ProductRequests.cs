namespace Backend.Api.Products;

// Nullable throughout so that a missing field becomes a per-field validation error, not a JSON failure.
// Active and ReorderPoint left out keep their stored values (a new product takes the defaults); Version is the
// caller's own counter, as on the broker.
// A default marks a field optional in the document (RequestSchemaTransformer).
public sealed record UpsertProductRequest(string? Name, decimal? UnitPrice, bool? Active = null, int? ReorderPoint = null, long? Version = null);

public sealed record StockReceiptRequest(int? Quantity, string? ReceiptId);
