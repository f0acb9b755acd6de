namespace Backend.Api.Orders;

// Every field is nullable so that a missing one becomes a per-field validation error, not a JSON failure.
// Fields a client may send beyond these (prices, totals) are ignored.
public sealed record SubmitOrderRequest(IReadOnlyList<OrderLineRequest?>? Lines, string? PaymentToken, ShipToRequest? ShipTo);

public sealed record OrderLineRequest(string? Sku, int? Quantity);

// Only the country is required: the address lines are optional (defaults), which the document states.
public sealed record ShipToRequest(string? Country, string? Name = null, string? Line1 = null, string? City = null, string? PostalCode = null);
