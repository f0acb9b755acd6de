using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Backend.Store.Mongo;

/// <summary>A day's report in <c>daily_reports</c>, keyed by its date as <c>yyyy-MM-dd</c>; money as Decimal128, exact.</summary>
internal sealed class DailyReportDocument
{
    [BsonId]
    public string Date { get; set; } = "";

    public string Currency { get; set; } = "";

    public DateTime GeneratedAt { get; set; }

    public int Orders { get; set; }

    public int Units { get; set; }

    [BsonRepresentation(BsonType.Decimal128)]
    public decimal Gross { get; set; }

    [BsonRepresentation(BsonType.Decimal128)]
    public decimal Discounts { get; set; }

    [BsonRepresentation(BsonType.Decimal128)]
    public decimal Tax { get; set; }

    [BsonRepresentation(BsonType.Decimal128)]
    public decimal Net { get; set; }

    public List<SkuSalesDocument> TopSkus { get; set; } = [];
}

internal sealed class SkuSalesDocument
{
    public string Sku { get; set; } = "";

    public int Units { get; set; }

    [BsonRepresentation(BsonType.Decimal128)]
    public decimal Gross { get; set; }
}
