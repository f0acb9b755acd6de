using Backend.Domain.Orders;

using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Backend.Store.Mongo;

/// <summary>
/// The stored shape of an order, kept apart from the domain record so a domain refactoring never silently
/// changes what is on disk. Instants are BSON dates (UTC, millisecond precision).
/// </summary>
internal sealed class OrderDocument
{
    [BsonId]
    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid Id { get; set; }

    public string CustomerId { get; set; } = "";

    public List<OrderLineDocument> Lines { get; set; } = [];

    public string PaymentToken { get; set; } = "";

    public ShipToDocument ShipTo { get; set; } = new();

    public DateTime AcceptedAt { get; set; }

    [BsonRepresentation(BsonType.String)]
    public OrderStatus Status { get; set; }

    public List<TimelineEntryDocument> Timeline { get; set; } = [];

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }

    public string? Reason { get; set; }

    public string? ReasonDetail { get; set; }

    public OrderTotalsDocument? Totals { get; set; }

    public string? AuthorizationId { get; set; }

    public DateTime? ConfirmedAt { get; set; }

    public ShipmentDocument? Shipment { get; set; }

    public IdempotencyDocument? Idempotency { get; set; }

    public string? TraceId { get; set; }

    public bool SettlementPending { get; set; }

    public CancelRequestDocument? CancelRequest { get; set; }

    public ShipmentRequestDocument? ShipmentRequest { get; set; }

    public List<ShipmentConflictDocument> Conflicts { get; set; } = [];

    /// <summary>When the oldest request not yet in effect was recorded; absent when none is pending (re-drive index).</summary>
    public DateTime? RequestAt { get; set; }
}
