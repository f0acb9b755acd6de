using Backend.Api.Auth;
using Backend.Api.Tests.Infrastructure;

using Microsoft.AspNetCore.Hosting;

namespace Backend.Api.Tests.Hosting;

/// <summary>Outside Development the ingress starts only with keys of its own, long enough to resist guessing.</summary>
public sealed class StartupKeyTests
{
    [Theory]
    [InlineData("demo-client-key")]
    [InlineData("demo-operator-key")]
    [InlineData("client-demo-key-change-me")]
    public void Refuses_to_start_in_production_when_a_published_demo_key_is_configured(string demoKey)
    {
        using var factory = new ProductionFactory(("KeyHash", ApiKeyHash.Compute(demoKey)));

        var exception = Should.Throw<Exception>(() => factory.CreateClient());

        exception.ToString().ShouldContain("Auth:ApiKeys:0 is a published demo key");
    }

    [Fact]
    public void Refuses_to_start_in_production_when_a_key_is_shorter_than_32_characters()
    {
        using var factory = new ProductionFactory(("Key", new string('k', ApiKeyOptions.MinKeyLength - 1)));

        var exception = Should.Throw<Exception>(() => factory.CreateClient());

        exception.ToString().ShouldContain("Auth:ApiKeys:0:Key has 31 characters");
    }

    [Fact]
    public void Refuses_to_start_in_production_when_no_key_is_configured()
    {
        using var factory = new ProductionFactory();

        var exception = Should.Throw<Exception>(() => factory.CreateClient());

        exception.ToString().ShouldContain("No API keys are configured");
    }

    [Fact]
    public async Task Starts_in_production_when_a_long_key_of_its_own_is_configured()
    {
        var key = new string('k', ApiKeyOptions.MinKeyLength);
        await using var factory = new ProductionFactory(("Key", key));
        using var client = factory.CreateClient(key);

        using var response = await client.GetAsync("/api/orders", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }

    private sealed class ProductionFactory(params (string Setting, string Value)[] key) : ApiFactory
    {
        protected override void ConfigureKeys(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            foreach (var (setting, value) in key)
            {
                builder.UseSetting($"Auth:ApiKeys:0:{setting}", value);
                builder.UseSetting("Auth:ApiKeys:0:CustomerId", "customer-production");
            }
        }
    }
}
