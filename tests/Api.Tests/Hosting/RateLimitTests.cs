using System.Net;

using Backend.Api.Tests.Infrastructure;

using Microsoft.AspNetCore.Hosting;

namespace Backend.Api.Tests.Hosting;

public sealed class RateLimitTests
{
    private const int Limit = 5;

    [Fact]
    public async Task Too_many_requests_with_retry_after_when_one_key_sends_a_burst_over_its_limit()
    {
        await using var factory = new LimitedFactory();
        using var client = factory.CreateClient(TestKeys.ClientA);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < Limit + 3; i++)
        {
            var response = await client.GetAsync("/api/products", TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused ??= response;
            }
            else
            {
                response.Dispose();
            }
        }

        statuses.Take(Limit).ShouldAllBe(status => status == HttpStatusCode.OK);
        statuses.Skip(Limit).ShouldAllBe(status => status == HttpStatusCode.TooManyRequests);
        refused.ShouldNotBeNull();
        using (refused)
        {
            refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
            refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await refused.ReadJsonAsync()).GetProperty("status").GetInt32().ShouldBe(429);
        }
    }

    [Fact]
    public async Task Another_key_is_served_when_one_key_is_over_its_limit()
    {
        await using var factory = new LimitedFactory();
        using var noisy = factory.CreateClient(TestKeys.ClientA);
        for (var i = 0; i < Limit + 1; i++)
        {
            using var _ = await noisy.GetAsync("/api/products", TestContext.Current.CancellationToken);
        }

        using var other = factory.CreateClient(TestKeys.ClientB);
        using var response = await other.GetAsync("/api/products", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Too_many_requests_when_requests_without_a_valid_key_come_in_a_burst()
    {
        await using var factory = new LimitedFactory();
        using var stranger = factory.CreateClient("guessed-key");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Limit + 2; i++)
        {
            using var response = await stranger.GetAsync("/api/products", TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        statuses.Take(Limit).ShouldAllBe(status => status == HttpStatusCode.Unauthorized);
        statuses.Skip(Limit).ShouldAllBe(status => status == HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Too_many_requests_when_a_burst_claims_other_addresses_in_x_forwarded_for_without_a_known_proxy()
    {
        await using var factory = new LimitedFactory();
        using var stranger = factory.CreateClient("guessed-key");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Limit + 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/products");
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            using var response = await stranger.SendAsync(request, TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        statuses.Skip(Limit).ShouldAllBe(status => status == HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Too_many_requests_response_declared_on_every_operation_of_the_openapi_document()
    {
        await using var factory = new ApiFactory();
        using var client = factory.CreateClient();

        using var document = System.Text.Json.JsonDocument.Parse(
            await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken));

        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var tooMany = operation.Value.GetProperty("responses").GetProperty("429");
                tooMany.GetProperty("headers").TryGetProperty("Retry-After", out _).ShouldBeTrue($"{operation.Name} {path.Name}");
            }
        }
    }

    private sealed class LimitedFactory : ApiFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            builder.UseSetting("RateLimits:Window", "00:01:00");
            builder.UseSetting("RateLimits:ClientPermitLimit", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("RateLimits:AnonymousPermitLimit", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
