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
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SkipDerivedProperties } },
    };

    public static string Serialize(Order order) => JsonSerializer.Serialize(order, Options);

    // Properties without a setter (HasPendingRequest, say) are worked out from the others: storing them would only
    // store a second copy that could disagree.
    private static void SkipDerivedProperties(JsonTypeInfo type)
    {
        foreach (var property in type.Properties.Where(property => property.Set is null))
        {
            property.ShouldSerialize = (_, _) => false;
        }
    }

    public static Order Deserialize(string json) =>
        JsonSerializer.Deserialize<Order>(json, Options) ?? throw new JsonException("The stored order document is null.");
}
