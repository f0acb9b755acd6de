using Backend.Store;

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Backend.Fulfilment.Tests.Infrastructure;

/// <summary>
/// Store-only hosts over one fresh SQLite file: each host stands in for a process of its own, sharing the file as
/// worker replicas on one machine do.
/// </summary>
public sealed class SqliteStoreHost : IAsyncDisposable
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"fulfilment-tests-{Guid.NewGuid():N}.db");
    private readonly List<IHost> _hosts = [];

    /// <summary>Another host over the same file; the store initializes on first use.</summary>
    public IServiceProvider StartProcess()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Provider"] = "Sqlite",
            ["Store:Sqlite:Path"] = _databasePath,
        });
        builder.AddStore();
        var host = builder.Build();
        _hosts.Add(host);
        return host.Services;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(_databasePath) + "*"))
        {
            File.Delete(file);
        }

        return ValueTask.CompletedTask;
    }
}
