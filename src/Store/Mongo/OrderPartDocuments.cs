using Backend.Domain.Orders;

using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Backend.Store.Mongo;

internal sealed class OrderLineDocument
{
    public string Sku { get; set; } = "";

    public int Quantity { get; set; }

    [BsonRepresentation(BsonType.Decimal128)]
    public decimal? UnitPrice { get; set; }

    [BsonRepresentation(BsonType.Decimal128)]
    public decimal? LineTotal { get; set; }
}

internal sealed class ShipToDocument
{
    public string Country { get; set; } = "";

    public string? Name { get; set; }

    public string? Line1 { get; set; }

    public string? City { get; set; }

    public string? PostalCode { get; set; }
}

internal sealed class OrderTotalsDocument
{
    [BsonRepresentation(BsonType.Decimal128)]
    public decimal Subtotal { get; set; }

    [BsonRepresentation(BsonType.Decimal128)]
    public decimal Discount { get; set; }

    [BsonRepresentation(BsonType.Decimal128)]
    public decimal Tax { get; set; }

    [BsonRepresentation(BsonType.Decimal128)]
    public decimal Total { get; set; }

    public string Currency { get; set; } = "";
}

internal sealed class TimelineEntryDocument
{
    [BsonRepresentation(BsonType.String)]
    public OrderStatus Status { get; set; }

    public DateTime At { get; set; }

    public string? Reason { get; set; }
}

internal sealed class ShipmentDocument
{
    public string Carrier { get; set; } = "";

    public string TrackingNumber { get; set; } = "";
}

internal sealed class IdempotencyDocument
{
    public string Key { get; set; } = "";

    public string RequestFingerprint { get; set; } = "";
}

internal sealed class CancelRequestDocument
{
    public string RequestedBy { get; set; } = "";

    public DateTime At { get; set; }
}

internal sealed class ShipmentRequestDocument
{
    public ShipmentDocument Shipment { get; set; } = new();

    public DateTime At { get; set; }
}

internal sealed class ShipmentConflictDocument
{
    public ShipmentDocument Shipment { get; set; } = new();

    [BsonRepresentation(BsonType.String)]
    public OrderStatus Status { get; set; }

    public DateTime At { get; set; }

    public int UnitsShort { get; set; }
}
