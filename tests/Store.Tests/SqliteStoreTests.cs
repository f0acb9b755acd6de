using Backend.Domain.Orders;
using Backend.Store.Sqlite;

using Microsoft.Data.Sqlite;

namespace Backend.Store.Tests;

/// <summary>The store contract on a fresh SQLite file per test, in a folder that does not exist yet.</summary>
public sealed class SqliteStoreTests : StoreContractTests
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "backend-store-tests", Guid.NewGuid().ToString("N"));

    private string FilePath => Path.Combine(directory, "nested", "store.db");

    public static TheoryData<string> ListingFilters => ["status", "customer", "none"];

    [Theory]
    [MemberData(nameof(ListingFilters))]
    public async Task Listing_pages_are_read_in_index_order_without_a_sort(string filter)
    {
        var query = filter switch
        {
            "status" => new OrderQuery(Status: OrderStatus.Confirmed),
            "customer" => new OrderQuery(CustomerId: "customer-1"),
            _ => new OrderQuery(),
        };
        var (where, parameters) = SqliteOrderFilter.Build(query);

        await using var connection = new SqliteConnection($"Data Source={FilePath}");
        await connection.OpenAsync(Cancellation);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + SqliteOrderStore.ListSql(where);
        foreach (var (name, value) in parameters.Append(("@take", 20)).Append(("@skip", 0)))
        {
            command.Parameters.AddWithValue(name, value);
        }

        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Cancellation);
        while (await reader.ReadAsync(Cancellation))
        {
            plan.Add(reader.GetString(3));
        }

        plan.ShouldNotContain(step => step.Contains("TEMP B-TREE", StringComparison.Ordinal), string.Join(" | ", plan));
        plan.ShouldContain(step => step.Contains("USING INDEX ix_orders_", StringComparison.Ordinal), string.Join(" | ", plan));
    }

    protected override ValueTask<IReadOnlyDictionary<string, string?>> CreateSettingsAsync() =>
        ValueTask.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["Store:Provider"] = "Sqlite",
            ["Store:Sqlite:Path"] = FilePath,
        });

    protected override ValueTask DeleteStoreAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
