using Backend.Domain.Catalog;
using Backend.Domain.Orders;
using Backend.Store.Sqlite;

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task A_file_from_before_the_added_columns_gets_them_with_running_totals_from_its_stock()
    {
        var file = Path.Combine(directory, "old.db");
        await using (var connection = new SqliteConnection($"Data Source={file}"))
        {
            await connection.OpenAsync(Cancellation);
            await using var command = connection.CreateCommand();
            // The first release's tables, as a file made by it holds them.
            command.CommandText = """
                CREATE TABLE orders (id TEXT NOT NULL PRIMARY KEY, customer_id TEXT NOT NULL, status TEXT NOT NULL,
                    accepted_at TEXT NOT NULL, updated_at TEXT NOT NULL, confirmed_at TEXT NULL, version INTEGER NOT NULL,
                    idempotency_key TEXT NULL, document TEXT NOT NULL);
                CREATE TABLE products (sku TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL, unit_price TEXT NOT NULL,
                    active INTEGER NOT NULL, on_hand INTEGER NOT NULL DEFAULT 0, reserved INTEGER NOT NULL DEFAULT 0,
                    reorder_point INTEGER NOT NULL, below_reorder_point INTEGER NOT NULL DEFAULT 0);
                CREATE TABLE reservations (order_id TEXT NOT NULL, sku TEXT NOT NULL, quantity INTEGER NOT NULL,
                    state TEXT NOT NULL, PRIMARY KEY (order_id, sku)) WITHOUT ROWID;
                INSERT INTO products VALUES ('OLD-1', 'Old', '1.00', 1, 7, 2, 0, 0);
                INSERT INTO reservations VALUES ('a', 'OLD-1', 3, 'committed'), ('b', 'OLD-1', 2, 'held'), ('c', 'OLD-1', 4, 'released');
                """;
            await command.ExecuteNonQueryAsync(Cancellation);
        }

        var host = await StartHostAsync(new Dictionary<string, string?> { ["Store:Provider"] = "Sqlite", ["Store:Sqlite:Path"] = file });
        var products = host.Services.GetRequiredService<IProductStore>();

        (await products.ListStockCountersAsync(Cancellation)).ShouldBe([new StockCounters("OLD-1", 7, 2, 10, 3)]);
        (await host.Services.GetRequiredService<IOrderStore>().FindSettlementPendingAsync(DateTimeOffset.MaxValue, 10, Cancellation)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Settled_reservations_and_receipts_of_a_file_from_before_their_times_are_kept_one_period_from_the_upgrade()
    {
        var file = Path.Combine(directory, "untimed.db");
        await using (var connection = new SqliteConnection($"Data Source={file}"))
        {
            await connection.OpenAsync(Cancellation);
            await using var command = connection.CreateCommand();
            // The tables as they were before reservations and receipts carried a time.
            command.CommandText = """
                CREATE TABLE reservations (order_id TEXT NOT NULL, sku TEXT NOT NULL, quantity INTEGER NOT NULL,
                    state TEXT NOT NULL, PRIMARY KEY (order_id, sku)) WITHOUT ROWID;
                CREATE TABLE stock_receipts (receipt_id TEXT NOT NULL, sku TEXT NOT NULL, quantity INTEGER NOT NULL,
                    PRIMARY KEY (receipt_id, sku)) WITHOUT ROWID;
                INSERT INTO reservations VALUES ('a', 'OLD-1', 3, 'committed'), ('b', 'OLD-1', 2, 'held'), ('c', 'OLD-1', 4, 'released');
                INSERT INTO stock_receipts VALUES ('receipt-1', 'OLD-1', 9);
                """;
            await command.ExecuteNonQueryAsync(Cancellation);
        }

        var host = await StartHostAsync(new Dictionary<string, string?> { ["Store:Provider"] = "Sqlite", ["Store:Sqlite:Path"] = file });
        var products = host.Services.GetRequiredService<IProductStore>();

        // Stamped with the upgrade's time (the test clock's T0): nothing is older than that.
        (await products.RemoveSettledReservationsBeforeAsync(TestOrders.T0, Cancellation)).ShouldBe(0);
        (await products.RemoveReceiptsBeforeAsync(TestOrders.T0, Cancellation)).ShouldBe(0);
        (await products.RemoveSettledReservationsBeforeAsync(TestOrders.T0.AddMilliseconds(1), Cancellation)).ShouldBe(2);
        (await products.RemoveReceiptsBeforeAsync(TestOrders.T0.AddMilliseconds(1), Cancellation)).ShouldBe(1);
        await using var check = new SqliteConnection($"Data Source={file}");
        await check.OpenAsync(Cancellation);
        await using var remaining = check.CreateCommand();
        remaining.CommandText = "SELECT group_concat(order_id) FROM reservations";
        (await remaining.ExecuteScalarAsync(Cancellation)).ShouldBe("b");
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
