using Backend.Domain.FailedMessages;

using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;
using MongoDB.Bson.Serialization.Options;

namespace Backend.Store.Mongo;

/// <summary>One failed message in the <c>failedMessages</c> collection, keyed by its record id.</summary>
internal sealed class FailedMessageDocument
{
    [BsonId]
    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid Id { get; set; }

    [BsonRepresentation(BsonType.String)]
    public FailedMessageKind Kind { get; set; }

    public string Queue { get; set; } = "";

    public string MessageType { get; set; } = "";

    public string? MessageId { get; set; }

    public string? OrderId { get; set; }

    public string? Sku { get; set; }

    public byte[] Body { get; set; } = [];

    public string? ContentType { get; set; }

    // Header names are not field names: they may hold dots or begin with '$'.
    [BsonDictionaryOptions(DictionaryRepresentation.ArrayOfDocuments)]
    public Dictionary<string, string> Headers { get; set; } = [];

    public string Reason { get; set; } = "";

    public string ExceptionType { get; set; } = "";

    public string? StackTrace { get; set; }

    public string ReasonPattern { get; set; } = "";

    public string Fingerprint { get; set; } = "";

    public DateTime FirstFailedAt { get; set; }

    public DateTime LastFailedAt { get; set; }

    public int Attempts { get; set; }

    public int ReplayCount { get; set; }

    public string? TraceId { get; set; }

    [BsonRepresentation(BsonType.String)]
    public FailedMessageStatus Status { get; set; }

    public DateTime? StatusChangedAt { get; set; }

    public static FailedMessageDocument From(FailedMessage message) => new()
    {
        Id = message.Id,
        Kind = message.Kind,
        Queue = message.Queue,
        MessageType = message.MessageType,
        MessageId = message.MessageId,
        OrderId = message.OrderId,
        Sku = message.Sku,
        Body = message.Body,
        ContentType = message.ContentType,
        Headers = new Dictionary<string, string>(message.Headers),
        Reason = message.Reason,
        ExceptionType = message.ExceptionType,
        StackTrace = message.StackTrace,
        ReasonPattern = message.ReasonPattern,
        Fingerprint = message.Fingerprint,
        FirstFailedAt = MongoMapping.Date(message.FirstFailedAt),
        LastFailedAt = MongoMapping.Date(message.LastFailedAt),
        Attempts = message.Attempts,
        ReplayCount = message.ReplayCount,
        TraceId = message.TraceId,
        Status = message.Status,
        StatusChangedAt = message.StatusChangedAt is { } changed ? MongoMapping.Date(changed) : null,
    };

    public FailedMessage ToDomain() => new()
    {
        Id = Id,
        Kind = Kind,
        Queue = Queue,
        MessageType = MessageType,
        MessageId = MessageId,
        OrderId = OrderId,
        Sku = Sku,
        Body = Body,
        ContentType = ContentType,
        Headers = Headers,
        Reason = Reason,
        ExceptionType = ExceptionType,
        StackTrace = StackTrace,
        ReasonPattern = ReasonPattern,
        Fingerprint = Fingerprint,
        FirstFailedAt = MongoMapping.Instant(FirstFailedAt),
        LastFailedAt = MongoMapping.Instant(LastFailedAt),
        Attempts = Attempts,
        ReplayCount = ReplayCount,
        TraceId = TraceId,
        Status = Status,
        StatusChangedAt = StatusChangedAt is { } changed ? MongoMapping.Instant(changed) : null,
    };
}
