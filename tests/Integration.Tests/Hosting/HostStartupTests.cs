using System.Net;

using Backend.Integration.Tests.Faults;

namespace Backend.Integration.Tests.Hosting;

/// <summary>
/// Each host with an API, started as a process as a deployment starts it, refuses to run outside Development with
/// the published demo keys, with a short key or with none, and says which setting to change.
/// </summary>
public sealed class HostStartupTests
{
    private const string LongKey = "a-key-of-thirty-two-characters-or-more";

    public static TheoryData<string> Hosts => ["Ingress", "Standalone"];

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task Refuses_to_start_in_production_when_the_demo_keys_are_configured(string host)
    {
        var log = await StartExpectingRefusalAsync(host, new()
        {
            ["Auth__ApiKeys__0__KeyHash"] = "299ccbc5cc6d53eb7860d96cb94e58213a550cd3aaa12d18f6ec2a3b305808a4",
            ["Auth__ApiKeys__0__CustomerId"] = "demo-customer",
            ["Auth__ApiKeys__1__KeyHash"] = "4a7c449d22a99026fac16a47621ff68792ff589f72334ea3950ce186a5615e9a",
            ["Auth__ApiKeys__1__Role"] = "Operator",
        });

        log.ShouldContain("Auth:ApiKeys:0 is a published demo key");
        log.ShouldContain("Auth:ApiKeys:1 is a published demo key");
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task Refuses_to_start_in_production_when_a_key_is_short(string host)
    {
        var log = await StartExpectingRefusalAsync(host, new()
        {
            ["Auth__ApiKeys__0__Key"] = "short-operator-key",
            ["Auth__ApiKeys__0__Role"] = "Operator",
        });

        log.ShouldContain("Auth:ApiKeys:0:Key has 18 characters");
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task Refuses_to_start_in_production_when_no_key_is_configured(string host)
    {
        var log = await StartExpectingRefusalAsync(host, []);

        log.ShouldContain("No API keys are configured: set Auth:ApiKeys");
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task Serves_in_production_when_a_long_key_of_its_own_is_configured(string host)
    {
        await using var process = Process(host, "Production", new()
        {
            ["Auth__ApiKeys__0__Key"] = LongKey,
            ["Auth__ApiKeys__0__Role"] = "Operator",
        });
        await StartAsync(process);

        using var client = new HttpClient { BaseAddress = process.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", LongKey);
        using var response = await client.GetAsync("/api/products", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Standalone_serves_the_demo_keys_when_run_in_development()
    {
        await using var process = Process("Standalone", "Development", []);
        await StartAsync(process);

        using var client = new HttpClient { BaseAddress = process.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", "demo-operator-key");
        using var response = await client.GetAsync("/api/products", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<string> StartExpectingRefusalAsync(string host, Dictionary<string, string> keys)
    {
        await using var process = Process(host, "Production", keys);

        await Should.ThrowAsync<InvalidOperationException>(() => StartAsync(process));

        return process.LogSinceLastStart();
    }

    // Standalone's appsettings.json names its URL, which only a plain Urls variable overrides, not ASPNETCORE_URLS.
    private static Task StartAsync(HostProcess process) => process.StartAsync(
        TestContext.Current.CancellationToken, new Dictionary<string, string> { ["Urls"] = process.BaseAddress.ToString().TrimEnd('/') });

    private static HostProcess Process(string host, string environmentName, Dictionary<string, string> settings)
    {
        var directory = Directory.CreateTempSubdirectory("backend-startup-");
        var environment = new Dictionary<string, string>(settings)
        {
            ["ASPNETCORE_ENVIRONMENT"] = environmentName,
            ["DOTNET_ENVIRONMENT"] = environmentName,
            // No broker needed: the keys are checked before anything connects.
            ["Messaging__Transport"] = "InMemory",
            ["Store__Provider"] = "Sqlite",
            ["Store__Sqlite__Path"] = Path.Combine(directory.FullName, "backend.db"),
        };
        return new HostProcess(host.ToLowerInvariant(), ProcessStack.HostAssembly(host), Path.Combine(directory.FullName, "host.log"), environment);
    }
}
