using System.Text.Json;
using System.Text.Json.Serialization;

namespace Backend.BareServer;

internal sealed record BareLine(string Sku, int Quantity);

internal sealed record BareShipTo(string Country);

internal sealed record BareSubmit(IReadOnlyList<BareLine> Lines, string PaymentToken, BareShipTo ShipTo);

internal sealed record BareAccepted(Guid Id, string Status);

internal sealed record BareOrder(Guid Id, string Status, long Version, IReadOnlyList<BareLine> Lines, decimal Total, DateTimeOffset AcceptedAt);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(BareSubmit))]
[JsonSerializable(typeof(BareAccepted))]
[JsonSerializable(typeof(BareOrder))]
internal sealed partial class BareJson : JsonSerializerContext;
