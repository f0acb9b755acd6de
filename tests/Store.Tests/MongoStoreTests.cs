using MongoDB.Driver;

namespace Backend.Store.Tests;

/// <summary>The store contract on MongoDB, a database of its own per test, dropped afterwards.</summary>
public sealed class MongoStoreTests(MongoServer server) : StoreContractTests, IClassFixture<MongoServer>
{
    private static int databaseCount;
    private readonly string database = $"store-tests-{server.RunId}-{Interlocked.Increment(ref databaseCount)}";

    protected override ValueTask<IReadOnlyDictionary<string, string?>> CreateSettingsAsync()
    {
        if (server.ConnectionString is null)
        {
            Assert.Skip(MongoServer.UnavailableReason);
        }

        return ValueTask.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["Store:Provider"] = "Mongo",
            ["Store:Mongo:ConnectionString"] = server.ConnectionString,
            ["Store:Mongo:Database"] = database,
        });
    }

    protected override async ValueTask DeleteStoreAsync()
    {
        if (server.ConnectionString is null)
        {
            return;
        }

        using var client = new MongoClient(server.ConnectionString);
        await client.DropDatabaseAsync(database, CancellationToken.None);
    }
}
