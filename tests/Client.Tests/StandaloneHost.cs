using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Backend.Client.Tests;

/// <summary>
/// The standalone host (ingress, workers and scheduler, in-memory transport, its demo keys and seeded catalog) on a
/// real Kestrel socket, with a SQLite file of its own.
/// </summary>
public sealed class StandaloneHost : WebApplicationFactory<Program>
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"client-tests-{Guid.NewGuid():N}.db");

    public StandaloneHost() => UseKestrel(0);

    /// <summary>Where the host listens, once started.</summary>
    public Uri Address
    {
        get
        {
            StartServer();
            return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_databasePath)!, Path.GetFileName(_databasePath) + "*"))
        {
            File.Delete(file);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // As the README's `dotnet run` starts it: Development is where the standalone host keeps its demo keys.
        builder.UseEnvironment("Development");
        builder.UseSetting("Store:Sqlite:Path", _databasePath);
    }
}
