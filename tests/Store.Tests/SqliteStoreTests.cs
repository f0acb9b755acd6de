namespace Backend.Store.Tests;

/// <summary>The store contract on a fresh SQLite file per test, in a folder that does not exist yet.</summary>
public sealed class SqliteStoreTests : StoreContractTests
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "backend-store-tests", Guid.NewGuid().ToString("N"));

    protected override ValueTask<IReadOnlyDictionary<string, string?>> CreateSettingsAsync() =>
        ValueTask.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["Store:Provider"] = "Sqlite",
            ["Store:Sqlite:Path"] = Path.Combine(directory, "nested", "store.db"),
        });

    protected override ValueTask DeleteStoreAsync()
    {
        Directory.Delete(directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
