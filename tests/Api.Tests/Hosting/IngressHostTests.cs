using System.Net;
using System.Text;

using Backend.Api.Tests.Infrastructure;

using Microsoft.AspNetCore.Hosting;

namespace Backend.Api.Tests.Hosting;

[Collection(ApiCollection.Name)]
public sealed class IngressHostTests(ApiFactory factory)
{
    [Fact]
    public async Task Healthy_when_the_process_is_up()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar")]
    public async Task Api_description_served_when_no_key_is_sent(string url)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Endpoints_and_key_scheme_listed_when_the_openapi_document_is_read()
    {
        using var client = factory.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        document.ShouldContain("/api/orders/{id}/cancel");
        document.ShouldContain("/api/products/{sku}/stock-receipts");
        document.ShouldContain("X-Api-Key");
    }

    [Fact]
    public async Task Api_page_titled_from_the_document_with_the_key_scheme_preferred()
    {
        using var client = factory.CreateClient();

        var page = await client.GetStringAsync("/scalar/", TestContext.Current.CancellationToken);

        page.ShouldContain("<title>Backend API</title>");
        page.ShouldContain("\"preferredSecurityScheme\":[\"ApiKey\"]");
    }

    [Fact]
    public async Task Refuses_to_start_when_no_api_keys_are_configured()
    {
        await using var keyless = new KeylessFactory();

        var exception = Should.Throw<Exception>(() => keyless.CreateClient());

        exception.ToString().ShouldContain("No API keys are configured");
    }

    [Fact]
    public async Task Demo_keys_accepted_when_running_in_development()
    {
        await using var development = new DevelopmentFactory();
        using var client = development.CreateClient("demo-client-key");

        using var response = await client.GetAsync("/api/orders", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Bad_request_problem_when_body_is_malformed_in_development()
    {
        await using var development = new DevelopmentFactory();
        using var client = development.CreateClient("demo-client-key");
        using var content = new StringContent("{\"lines\": [", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/api/orders", content, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.ReadJsonAsync()).GetProperty("detail").GetString().ShouldNotBeNullOrEmpty();
    }

    private sealed class KeylessFactory : ApiFactory
    {
        protected override void ConfigureKeys(IWebHostBuilder builder)
        {
        }
    }

    private sealed class DevelopmentFactory : ApiFactory
    {
        protected override void ConfigureKeys(IWebHostBuilder builder) => builder.UseEnvironment("Development");
    }
}
