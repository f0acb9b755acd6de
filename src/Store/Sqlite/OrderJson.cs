using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

using Backend.Domain.Orders;

namespace Backend.Store.Sqlite;

/// <summary>The order document as stored in the <c>document</c> column.</summary>
internal static class OrderJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SkipComputedProperties } },
    };

    public static string Serialize(Order order) => JsonSerializer.Serialize(order, Options);

    public static Order Deserialize(string json) =>
        JsonSerializer.Deserialize<Order>(json, Options) ?? throw new JsonException("The stored order document is null.");

    // Computed members such as Order.MayHoldStock are derived on load; storing them would only invite drift.
    private static void SkipComputedProperties(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            var property = typeInfo.Properties[i];
            if (property.Set is null && property.AssociatedParameter is null)
            {
                typeInfo.Properties.RemoveAt(i);
            }
        }
    }
}
