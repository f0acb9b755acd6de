namespace Backend.Domain.Orders;

/// <summary>What a shipment notice may hold, whether the warehouse sends it over HTTP or straight to the broker.</summary>
public static class ShipmentLimits
{
    public const int MaxCarrierLength = 100;
    public const int MaxTrackingNumberLength = 100;

    public static bool IsCarrier(string? carrier) => Text.IsBounded(carrier, MaxCarrierLength);

    public static bool IsTrackingNumber(string? trackingNumber) => Text.IsBounded(trackingNumber, MaxTrackingNumberLength);
}
