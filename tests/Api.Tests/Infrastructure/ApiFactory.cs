using Backend.Domain.Catalog;
using Backend.Domain.Orders;

using MassTransit;
using MassTransit.Testing;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Backend.Api.Tests.Infrastructure;

/// <summary>
/// The ingress in memory: the in-memory transport under MassTransit's test harness, a fresh SQLite file, and
/// the <see cref="TestKeys"/>. Environment "Testing", so the development demo keys stay out.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"api-tests-{Guid.NewGuid():N}.db");

    public ITestHarness Harness => Services.GetRequiredService<ITestHarness>();

    public IOrderStore Orders => Services.GetRequiredService<IOrderStore>();

    public IProductStore Products => Services.GetRequiredService<IProductStore>();

    /// <summary>A client whose every response is checked against <c>docs/openapi.json</c> (<see cref="ConformanceHandler"/>).</summary>
    public new HttpClient CreateClient() => CreateDefaultClient(new RedirectHandler(), new ConformanceHandler());

    public HttpClient CreateClient(string apiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    public async ValueTask InitializeAsync()
    {
        await Harness.Start();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_databasePath)!, Path.GetFileName(_databasePath) + "*"))
        {
            File.Delete(file);
        }

        GC.SuppressFinalize(this);
    }

    protected virtual void ConfigureKeys(IWebHostBuilder builder) => TestKeys.Configure(builder);

    protected virtual void ConfigureSettings(IWebHostBuilder builder)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Messaging:Transport", "InMemory");
        builder.UseSetting("Store:Provider", "Sqlite");
        builder.UseSetting("Store:Sqlite:Path", _databasePath);
        ConfigureKeys(builder);
        // Far above what the tests send in one window; the rate-limit tests set their own.
        builder.UseSetting("RateLimits:ClientPermitLimit", "100000");
        builder.UseSetting("RateLimits:OperatorPermitLimit", "100000");
        builder.UseSetting("RateLimits:AnonymousPermitLimit", "100000");
        ConfigureSettings(builder);
        builder.ConfigureTestServices(services => services.AddMassTransitTestHarness());
    }
}
