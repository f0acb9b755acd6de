using Backend.Domain.Catalog;

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Backend.Store.Tests;

/// <summary>A file written before a column existed keeps its data and gains the column on the next start.</summary>
public sealed class SqliteUpgradeTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"backend-upgrade-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Products_gain_a_version_and_keep_their_fields_when_the_file_predates_it()
    {
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE products (
                    sku TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL, unit_price TEXT NOT NULL, active INTEGER NOT NULL,
                    on_hand INTEGER NOT NULL DEFAULT 0, reserved INTEGER NOT NULL DEFAULT 0, reorder_point INTEGER NOT NULL,
                    below_reorder_point INTEGER NOT NULL DEFAULT 0, CHECK (reserved >= 0 AND on_hand >= reserved));
                INSERT INTO products (sku, name, unit_price, active, on_hand, reorder_point) VALUES ('OLD-1', 'Mug', '9.50', 0, 4, 2);
                """;
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Provider"] = "Sqlite",
            ["Store:Sqlite:Path"] = path,
        });
        builder.AddStore();
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var products = host.Services.GetRequiredService<IProductStore>();

        (await products.FindAsync("OLD-1", TestContext.Current.CancellationToken)).ShouldBe(new Product("OLD-1", "Mug", 9.50m, false, 4, 0, 2));
        (await products.UpsertAsync(new ProductDefinition("OLD-1", null, null, Version: 3), TestContext.Current.CancellationToken))
            .ShouldBe(UpsertOutcome.Applied);
        (await products.FindAsync("OLD-1", TestContext.Current.CancellationToken))!.Version.ShouldBe(3);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
        {
            File.Delete(file);
        }
    }
}
