using System.Net;

using Backend.Api.Tests.Infrastructure;

using Microsoft.AspNetCore.Hosting;

namespace Backend.Api.Tests.Hosting;

public sealed class PrometheusEndpointTests
{
    [Fact]
    public async Task Not_found_when_prometheus_is_not_enabled_outside_development()
    {
        await using var factory = new ApiFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/metrics", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Http_server_metrics_scraped_without_a_key_when_prometheus_is_enabled()
    {
        await using var factory = new PrometheusFactory();
        using var client = factory.CreateClient(TestKeys.ClientA);
        using (await client.GetAsync("/api/products", TestContext.Current.CancellationToken))
        {
        }

        using var scraper = factory.CreateClient();
        var text = await Eventually(async () => await scraper.GetStringAsync("/metrics", TestContext.Current.CancellationToken));

        text.ShouldContain("http_server_request_duration_seconds");
        text.ShouldNotContain(TestKeys.ClientA);
    }

    // The exporter caches a scrape briefly, so the first one may predate the request.
    private static async Task<string> Eventually(Func<Task<string>> scrape)
    {
        var text = "";
        for (var attempt = 0; attempt < 20 && !text.Contains("http_server_request_duration_seconds", StringComparison.Ordinal); attempt++)
        {
            text = await scrape();
            await Task.Delay(TimeSpan.FromMilliseconds(250), TestContext.Current.CancellationToken);
        }

        return text;
    }

    private sealed class PrometheusFactory : ApiFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder) => builder.UseSetting("Telemetry:Prometheus:Enabled", "true");
    }
}
