using System.Net;
using System.Text;

using Backend.Api.Tests.Infrastructure;

namespace Backend.Api.Tests.Orders;

[Collection(ApiCollection.Name)]
public sealed class SubmitOrderValidationTests(ApiFactory factory)
{
    private const string ValidShipTo = """{"country":"US"}""";
    private readonly HttpClient _client = factory.CreateClient(TestKeys.ClientA);

    public static TheoryData<string, string> BadBodies => new()
    {
        { $$"""{"lines":[],"paymentToken":"tok","shipTo":{{ValidShipTo}}}""", "lines" },
        { $$"""{"paymentToken":"tok","shipTo":{{ValidShipTo}}}""", "lines" },
        { $$"""{"lines":[{{string.Join(",", Enumerable.Repeat("""{"sku":"A","quantity":1}""", 101))}}],"paymentToken":"tok","shipTo":{{ValidShipTo}}}""", "lines" },
        { $$"""{"lines":[{"sku":"lower-case","quantity":1}],"paymentToken":"tok","shipTo":{{ValidShipTo}}}""", "lines[0].sku" },
        { $$"""{"lines":[{"quantity":1}],"paymentToken":"tok","shipTo":{{ValidShipTo}}}""", "lines[0].sku" },
        { $$"""{"lines":[{"sku":"A","quantity":1},{"sku":"B","quantity":0}],"paymentToken":"tok","shipTo":{{ValidShipTo}}}""", "lines[1].quantity" },
        { $$"""{"lines":[{"sku":"A","quantity":1001}],"paymentToken":"tok","shipTo":{{ValidShipTo}}}""", "lines[0].quantity" },
        { $$"""{"lines":[{"sku":"A","quantity":1}],"paymentToken":"","shipTo":{{ValidShipTo}}}""", "paymentToken" },
        { $$"""{"lines":[{"sku":"A","quantity":1}],"paymentToken":"{{new string('t', 101)}}","shipTo":{{ValidShipTo}}}""", "paymentToken" },
        { """{"lines":[{"sku":"A","quantity":1}],"paymentToken":"tok"}""", "shipTo" },
        { """{"lines":[{"sku":"A","quantity":1}],"paymentToken":"tok","shipTo":{"country":"USA"}}""", "shipTo.country" },
        { """{"lines":[{"sku":"A","quantity":1}],"paymentToken":"tok","shipTo":{"country":"1A"}}""", "shipTo.country" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Validation_problem_when_a_field_is_invalid(string body, string field)
    {
        using var response = await PostRawAsync(body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.ReadJsonAsync();
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue($"expected an error for '{field}' in {problem}");
    }

    [Fact]
    public async Task Validation_problem_when_idempotency_key_is_too_long()
    {
        using var response = await _client.SubmitAsync(ApiRequests.ValidOrder(), new string('k', 201));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(ApiHeaders.IdempotencyKey, out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("""{"lines": [""")]
    [InlineData("""{"lines":[{"sku":"A","quantity":"many"}],"paymentToken":"tok","shipTo":{"country":"US"}}""")]
    [InlineData("not json")]
    [InlineData("")]
    public async Task Bad_request_problem_when_body_is_not_an_order(string body)
    {
        using var response = await PostRawAsync(body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldNotContain("   at ");
    }

    private async Task<HttpResponseMessage> PostRawAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await _client.PostAsync("/api/orders", content, TestContext.Current.CancellationToken);
    }
}
