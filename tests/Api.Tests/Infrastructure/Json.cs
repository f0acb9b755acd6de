using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Backend.Api.Tests.Infrastructure;

public static class Json
{
    /// <summary>The API's own settings: camelCase, enums as strings.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Options, TestContext.Current.CancellationToken);
}
