using System.Net;
using System.Net.Http.Json;

using Backend.Api.Tests.Infrastructure;

namespace Backend.Api.Tests.Auth;

[Collection(ApiCollection.Name)]
public sealed class ApiKeyAuthenticationTests(ApiFactory factory)
{
    [Theory]
    [InlineData("/api/products")]
    [InlineData("/api/orders")]
    public async Task Unauthorized_problem_when_no_key_is_sent(string url)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);

        await ShouldBeUnauthorizedAsync(response);
    }

    [Fact]
    public async Task Unauthorized_problem_when_the_key_is_unknown()
    {
        using var client = factory.CreateClient("not-a-configured-key");

        using var response = await client.GetAsync("/api/products", TestContext.Current.CancellationToken);

        await ShouldBeUnauthorizedAsync(response);
    }

    [Fact]
    public async Task Forbidden_problem_when_a_client_calls_an_operator_endpoint()
    {
        using var client = factory.CreateClient(TestKeys.ClientA);

        using var response = await client.PostAsJsonAsync(
            "/api/products/SKU-1/stock-receipts", new { quantity = 1, receiptId = "r" }, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.ReadJsonAsync()).GetProperty("status").GetInt32().ShouldBe(403);
    }

    [Fact]
    public async Task Catalog_readable_when_any_key_is_sent()
    {
        foreach (var key in new[] { TestKeys.ClientA, TestKeys.Operator })
        {
            using var client = factory.CreateClient(key);

            using var response = await client.GetAsync("/api/products", TestContext.Current.CancellationToken);

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    private static async Task ShouldBeUnauthorizedAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("ApiKey");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.ReadJsonAsync()).GetProperty("status").GetInt32().ShouldBe(401);
    }
}
