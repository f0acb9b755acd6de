using Backend.Domain.Payments;

using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Backend.Store.Mongo;

/// <summary>
/// One order's payment in the <c>payments</c> collection. Keyed by order id, so the unique <c>_id</c> index is what
/// keeps an order to one authorization; <see cref="Approved"/> stays absent until the authorization is decided.
/// </summary>
internal sealed class PaymentDocument
{
    [BsonId]
    [BsonGuidRepresentation(GuidRepresentation.Standard)]
    public Guid OrderId { get; set; }

    public int Attempts { get; set; }

    public bool? Approved { get; set; }

    public string? AuthorizationId { get; set; }

    public string? DeclineReason { get; set; }

    [BsonRepresentation(BsonType.String)]
    public PaymentSettlement Settlement { get; set; }

    public PaymentRecord ToDomain() => new(
        OrderId,
        Attempts,
        Approved switch
        {
            true => AuthorizationResult.Approve(AuthorizationId!),
            false => AuthorizationResult.Decline(DeclineReason!),
            null => null,
        },
        Settlement);
}
