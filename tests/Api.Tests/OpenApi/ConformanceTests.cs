using System.Net;
using System.Text;

using Backend.Api.Tests.Infrastructure;

namespace Backend.Api.Tests.OpenApi;

/// <summary>
/// The responses no other test asks for, held to the document like every other (<see cref="ConformanceHandler"/>):
/// what the pipeline answers before a handler runs.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ConformanceTests(ApiFactory factory)
{
    [Theory]
    [InlineData("POST", "/api/orders", TestKeys.ClientA)]
    [InlineData("POST", "/api/orders/01a21f14-465f-78db-b5f2-cc1c9233e9d0/shipment", TestKeys.Operator)]
    [InlineData("PUT", "/api/products/MUG-1", TestKeys.Operator)]
    [InlineData("POST", "/api/products/MUG-1/stock-receipts", TestKeys.Operator)]
    public async Task Unsupported_media_type_problem_when_a_body_is_not_json(string method, string url, string key)
    {
        using var client = factory.CreateClient(key);
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("quantity=1", Encoding.UTF8, "text/plain") };

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Healthy_as_documented_when_the_process_is_up()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
