using Backend.Domain.Orders;

namespace Backend.Validation.Orders;

/// <summary>What a customer orders, checked and normalized: country in upper case, blank address fields as null.</summary>
public sealed record OrderContent(IReadOnlyList<OrderLine> Lines, string PaymentToken, ShipTo ShipTo);
