using Backend.Domain.Catalog;

using MongoDB.Bson;
using MongoDB.Driver;

namespace Backend.Store.Tests;

/// <summary>The store contract on MongoDB, a database of its own per test, dropped afterwards.</summary>
public sealed class MongoStoreTests(MongoServer server) : StoreContractTests, IClassFixture<MongoServer>
{
    private static int databaseCount;
    private readonly string database = $"store-tests-{server.RunId}-{Interlocked.Increment(ref databaseCount)}";

    public static TheoryData<string, string> ListingIndexes => new()
    {
        // filter -> the index keys that serve its sort (acceptedAt descending, ties by _id)
        { "status", "{ \"status\" : 1, \"acceptedAt\" : -1, \"_id\" : 1 }" },
        { "customer", "{ \"customerId\" : 1, \"acceptedAt\" : -1, \"_id\" : 1 }" },
        { "none", "{ \"acceptedAt\" : -1, \"_id\" : 1 }" },
    };

    // The stand-in cannot explain a query, so this holds the index shapes; a real mongod's explain remains the judge.
    [Theory]
    [MemberData(nameof(ListingIndexes))]
    public async Task Every_listing_filter_has_an_index_that_serves_its_sort(string filter, string keys)
    {
        using var client = new MongoClient(server.ConnectionString);
        var indexes = await (await client.GetDatabase(database).GetCollection<BsonDocument>("orders").Indexes.ListAsync(Cancellation))
            .ToListAsync(Cancellation);

        indexes.Select(index => index["key"].AsBsonDocument.ToJson()).ShouldContain(keys, $"listing filtered by {filter}");
    }

    [Fact]
    public async Task Receipt_ids_stored_before_receipts_carried_a_time_still_count_once_and_retention_leaves_them()
    {
        using var client = new MongoClient(server.ConnectionString);
        // A product as documents were written before timed receipts: ids only, and no receipts field at all.
        await client.GetDatabase(database).GetCollection<BsonDocument>("products").InsertOneAsync(new BsonDocument
        {
            ["_id"] = "OLD-1",
            ["name"] = "Mug",
            ["unitPrice"] = new BsonDecimal128(9.50m),
            ["active"] = true,
            ["onHand"] = 4,
            ["reserved"] = 0,
            ["reorderPoint"] = 0,
            ["belowReorderPoint"] = false,
            ["receivedTotal"] = 4L,
            ["shippedTotal"] = 0L,
            ["reservations"] = new BsonArray(),
            ["receiptIds"] = new BsonArray { "legacy-1" },
        }, cancellationToken: Cancellation);

        (await Products.ReceiveAsync("OLD-1", 4, "legacy-1", Cancellation)).ShouldBe(ReceiptOutcome.Duplicate);
        (await Products.ReceiveAsync("OLD-1", 2, "timed-1", Cancellation)).ShouldBe(ReceiptOutcome.Counted);
        (await Products.RemoveReceiptsBeforeAsync(DateTimeOffset.MaxValue, Cancellation)).ShouldBe(1);

        (await Products.ReceiveAsync("OLD-1", 4, "legacy-1", Cancellation)).ShouldBe(ReceiptOutcome.Duplicate);
        (await Products.FindAsync("OLD-1", Cancellation))!.OnHand.ShouldBe(6);
    }

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
