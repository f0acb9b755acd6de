using Backend.Domain.Jobs;
using Backend.Store;

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Backend.Integration.Tests.Infrastructure;

/// <summary>
/// The store of a stack of host processes, read and written by the test through the production adapters, as one
/// more process beside the hosts.
/// </summary>
public sealed class StoreAccess : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private StoreAccess(ServiceProvider services) => _services = services;

    public IJobStore Jobs => _services.GetRequiredService<IJobStore>();

    /// <summary>Opens the SQLite file of hosts that have started, so its schema exists.</summary>
    public static StoreAccess Sqlite(string databasePath)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Provider"] = "Sqlite",
            ["Store:Sqlite:Path"] = databasePath,
        });
        builder.AddStore();
        return new StoreAccess(builder.Services.BuildServiceProvider());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        // Pooled connections would keep the file open after the test.
        SqliteConnection.ClearAllPools();
    }
}
