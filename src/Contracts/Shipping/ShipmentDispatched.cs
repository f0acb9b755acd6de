namespace Backend.Contracts.Shipping;

/// <summary>The warehouse handed a confirmed order to a carrier.</summary>
public sealed record ShipmentDispatched(Guid OrderId, string Carrier, string TrackingNumber);
