using System.Net;
using System.Text;
using System.Text.Json.Nodes;

using Backend.Api.Tests.Infrastructure;

namespace Backend.Api.Tests.OpenApi;

/// <summary>
/// Each request schema in <c>docs/openapi.json</c> says what the validator says: every field left out, then sent as
/// null, is refused with an error on that field exactly when the schema calls it required, or not nullable.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RequestSchemaTests(ApiFactory factory)
{
    private static readonly JsonObject Document = JsonNode.Parse(File.ReadAllText(RepositoryFiles.OpenApiDocument))!.AsObject();

    [Fact]
    public Task Submit_order_schema_agrees_with_the_validator() => AgreesAsync(
        HttpMethod.Post, "/api/orders", TestKeys.ClientA,
        """{"lines":[{"sku":"SKU-1","quantity":1}],"paymentToken":"tok","shipTo":{"country":"US","name":"Ada","line1":"1 Main St","city":"Springfield","postalCode":"12345"}}""");

    [Fact]
    public Task Upsert_product_schema_agrees_with_the_validator() => AgreesAsync(
        HttpMethod.Put, "/api/products/{sku}", TestKeys.Operator, """{"name":"Mug","unitPrice":1.50,"active":true,"reorderPoint":1,"version":1}""",
        _ => Task.FromResult("/api/products/MUG-SCHEMA"));

    [Fact]
    public Task Stock_receipt_schema_agrees_with_the_validator() => AgreesAsync(
        HttpMethod.Post, "/api/products/{sku}/stock-receipts", TestKeys.Operator, """{"quantity":1,"receiptId":"GRN-SCHEMA"}""",
        _ => Task.FromResult("/api/products/SKU-SCHEMA/stock-receipts"));

    [Fact]
    public Task Record_shipment_schema_agrees_with_the_validator() => AgreesAsync(
        HttpMethod.Post, "/api/orders/{id}/shipment", TestKeys.Operator, """{"carrier":"DHL","trackingNumber":"JD1"}""",
        async _ => $"/api/orders/{(await factory.StoreAsync(StoredOrders.Confirmed(TestKeys.CustomerA, DateTimeOffset.UtcNow))).Id}/shipment");

    private async Task AgreesAsync(HttpMethod method, string template, string key, string validBody, Func<string, Task<string>>? url = null)
    {
        url ??= Task.FromResult;
        using var client = factory.CreateClient(key);
        var schema = Resolve(Document["paths"]![template]![method.Method.ToLowerInvariant()]!["requestBody"]!["content"]!["application/json"]!["schema"]!);
        var valid = JsonNode.Parse(validBody)!.AsObject();
        (await SendAsync(client, method, await url(template), valid)).Accepted.ShouldBeTrue($"the valid body {validBody} is refused");

        var disagreements = new List<string>();
        foreach (var (field, required, nullable, mutate) in Mutations(schema, valid, ""))
        {
            foreach (var (change, documentAccepts) in new[] { ("left out", !required), ("null", nullable) })
            {
                var body = valid.DeepClone().AsObject();
                mutate(body, change == "null");
                var (accepted, errors) = await SendAsync(client, method, await url(template), body);
                if (accepted != documentAccepts || (!accepted && !errors.Contains(field)))
                {
                    disagreements.Add(
                        $"{field} {change}: the document {(documentAccepts ? "accepts" : "refuses")} it, the server " +
                        $"{(accepted ? "accepts" : $"refuses it with errors on [{string.Join(", ", errors)}]")}");
                }
            }
        }

        disagreements.ShouldBeEmpty();
    }

    /// <summary>Every field of the valid body, with how to leave it out or null it, recursing into objects and first array items.</summary>
    private static IEnumerable<(string Field, bool Required, bool Nullable, Action<JsonObject, bool> Mutate)> Mutations(
        JsonObject schema, JsonObject valid, string prefix)
    {
        var required = schema["required"]?.AsArray().Select(name => name!.GetValue<string>()).ToHashSet() ?? [];
        foreach (var (name, propertySchema) in schema["properties"]!.AsObject())
        {
            var field = prefix + name;
            var property = Resolve(propertySchema!);
            var nullable = property["type"] is JsonArray types && types.Any(type => type!.GetValue<string>() == "null");
            yield return (field, required.Contains(name), nullable, (body, toNull) =>
            {
                var parent = Navigate(body, prefix);
                if (toNull)
                {
                    parent[name] = null;
                }
                else
                {
                    parent.Remove(name);
                }
            }
            );

            var nested = valid[name] switch
            {
                JsonObject child when property["properties"] is not null => (child, property, $"{field}."),
                JsonArray { Count: > 0 } items when items[0] is JsonObject first => (first, Resolve(property["items"]!), $"{field}[0]."),
                _ => default((JsonObject, JsonObject, string)?),
            };
            if (nested is var (childValue, childSchema, childPrefix))
            {
                foreach (var mutation in Mutations(childSchema, childValue, childPrefix))
                {
                    yield return mutation;
                }
            }
        }
    }

    /// <summary>The object at a field prefix such as <c>lines[0].</c> or <c>shipTo.</c>.</summary>
    private static JsonObject Navigate(JsonObject body, string prefix)
    {
        JsonNode node = body;
        foreach (var part in prefix.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = part.EndsWith("[0]", StringComparison.Ordinal) ? node[part[..^3]]![0]! : node[part]!;
        }

        return node.AsObject();
    }

    private static JsonObject Resolve(JsonNode schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference
            ? Document["components"]!["schemas"]![reference.Split('/')[^1]]!.AsObject()
            : schema.AsObject();

    private static async Task<(bool Accepted, IReadOnlyList<string> Errors)> SendAsync(HttpClient client, HttpMethod method, string url, JsonObject body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            return (true, []);
        }

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"{method} {url} with {body.ToJsonString()}");
        var errors = (await response.ReadJsonAsync()).GetProperty("errors").EnumerateObject().Select(error => error.Name).ToList();
        return (false, errors);
    }
}
