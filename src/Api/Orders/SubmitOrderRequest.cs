namespace Backend.Api.Orders;

// Every field is nullable so that a missing one becomes a per-field validation error, not a JSON failure.
// Fields a client may send beyond these (prices, totals) are ignored.
public sealed record SubmitOrderRequest(IReadOnlyList<OrderLineRequest?>? Lines, string? PaymentToken, ShipToRequest? ShipTo);

public sealed record OrderLineRequest(string? Sku, int? Quantity);

public sealed record ShipToRequest(string? Country, string? Name, string? Line1, string? City, string? PostalCode);
