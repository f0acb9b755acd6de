using System.Text.Json;
using System.Text.Json.Serialization;

using Backend.Domain.Orders;

namespace Backend.Store.Sqlite;

/// <summary>The order document as stored in the <c>document</c> column.</summary>
internal static class OrderJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(Order order) => JsonSerializer.Serialize(order, Options);

    public static Order Deserialize(string json) =>
        JsonSerializer.Deserialize<Order>(json, Options) ?? throw new JsonException("The stored order document is null.");
}
