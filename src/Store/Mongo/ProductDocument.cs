using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Backend.Store.Mongo;

/// <summary>
/// A product with everything that must change atomically with its counters: a standalone mongod has no
/// multi-document transactions, so the reservations held on it and the receipts counted into it live here.
/// </summary>
internal sealed class ProductDocument
{
    [BsonId]
    public string Sku { get; set; } = "";

    public string Name { get; set; } = "";

    [BsonRepresentation(BsonType.Decimal128)]
    public decimal UnitPrice { get; set; }

    public bool Active { get; set; }

    public int OnHand { get; set; }

    public int Reserved { get; set; }

    public int ReorderPoint { get; set; }

    public bool BelowReorderPoint { get; set; }

    /// <summary>Every unit ever received; changes in the same update as on-hand.</summary>
    public long ReceivedTotal { get; set; }

    /// <summary>Every unit ever shipped or written off; changes in the same update as on-hand.</summary>
    public long ShippedTotal { get; set; }

    /// <summary>The source system's version of the definition last applied; null until one arrives with a version.</summary>
    public long? Version { get; set; }

    public List<ReservationDocument> Reservations { get; set; } = [];

    /// <summary>
    /// Receipt ids counted before receipts carried their time. No receipt is added here any more; they still count
    /// as received, and retention leaves them, as nothing tells how old they are.
    /// </summary>
    public List<string> ReceiptIds { get; set; } = [];

    /// <summary>The receipts counted into on-hand, each with when, so retention can let old ones go.</summary>
    public List<ReceiptDocument> Receipts { get; set; } = [];
}

internal sealed class ReceiptDocument
{
    // Not "Id": the driver would map that to _id, which inside an array element only confuses.
    public string ReceiptId { get; set; } = "";

    public DateTime At { get; set; }
}

/// <summary>
/// One order's units of this product. Settled entries stay until retention removes them, so the order can never
/// reserve again; otherwise only a reservation call undoing its own lines removes one, while it is held and no other
/// call counts on it.
/// </summary>
internal sealed class ReservationDocument
{
    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid OrderId { get; set; }

    public int Quantity { get; set; }

    [BsonRepresentation(BsonType.String)]
    public ReservationState State { get; set; }

    /// <summary>The reservation calls that counted this held entry as theirs and have not undone it.</summary>
    public List<ObjectId> Attempts { get; set; } = [];

    /// <summary>When the entry was last settled (released, committed or written off); absent while held.</summary>
    public DateTime? SettledAt { get; set; }
}

internal enum ReservationState
{
    Held,
    Released,
    Committed,
}
