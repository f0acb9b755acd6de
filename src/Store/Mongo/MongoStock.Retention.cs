using MongoDB.Bson;
using MongoDB.Driver;

namespace Backend.Store.Mongo;

/// <summary>
/// Retention of settled reservation entries and timed receipts: each product's old entries go in one update, so
/// its counters and the entries that remain never disagree.
/// </summary>
internal sealed partial class MongoStock
{
    /// <summary>Removes settled entries older than the cutoff, one product per update; returns how many went.</summary>
    public Task<int> RemoveSettledReservationsBeforeAsync(DateTimeOffset settledBefore, CancellationToken cancellationToken)
    {
        var cutoff = MongoMapping.Date(settledBefore);
        return PullOldAsync(
            Filter.ElemMatch(d => d.Reservations, Entry.Ne(r => r.State, ReservationState.Held) & Entry.Lt(r => r.SettledAt, cutoff)),
            Update.PullFilter(d => d.Reservations, AllOf<ReservationDocument>(
                new BsonDocument("state", new BsonDocument("$ne", nameof(ReservationState.Held))),
                new BsonDocument("settledAt", new BsonDocument("$lt", cutoff)))),
            Builders<ProductDocument>.Projection.Include(d => d.Reservations),
            product => product.Reservations.Count(r => r.State != ReservationState.Held && r.SettledAt < cutoff),
            cancellationToken);
    }

    /// <summary>
    /// Removes timed receipts older than the cutoff; returns how many went. Legacy untimed ids (<see cref="ProductDocument.ReceiptIds"/>)
    /// stay: nothing tells whether one is older than the cutoff, and removing a recent one would count its redelivery twice.
    /// </summary>
    public Task<int> RemoveReceiptsBeforeAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken)
    {
        var cutoff = MongoMapping.Date(receivedBefore);
        return PullOldAsync(
            Filter.ElemMatch(d => d.Receipts, Builders<ReceiptDocument>.Filter.Lt(r => r.At, cutoff)),
            Update.PullFilter(d => d.Receipts, AllOf<ReceiptDocument>(new BsonDocument("at", new BsonDocument("$lt", cutoff)))),
            Builders<ProductDocument>.Projection.Include(d => d.Receipts),
            product => product.Receipts.Count(r => r.At < cutoff),
            cancellationToken);
    }

    /// <summary>
    /// Pulls the old entries of one matching product at a time, reading its entries as they were just before, so
    /// the count is exact while other writers change the same product.
    /// </summary>
    private async Task<int> PullOldAsync(
        FilterDefinition<ProductDocument> holdsOld, UpdateDefinition<ProductDocument> pull,
        ProjectionDefinition<ProductDocument> entries, Func<ProductDocument, int> countOld, CancellationToken cancellationToken)
    {
        var options = new FindOneAndUpdateOptions<ProductDocument> { Projection = entries, ReturnDocument = ReturnDocument.Before };
        var removed = 0;
        while (await context.Products.FindOneAndUpdateAsync(holdsOld, pull, options, cancellationToken) is { } before)
        {
            removed += countOld(before);
        }

        return removed;
    }

    // The pull condition spelled as one $and: MongoDB reads it as a query on each element either way, and the test
    // stand-in only does so when the condition starts with an operator.
    private static FilterDefinition<T> AllOf<T>(params BsonDocument[] conditions) =>
        new BsonDocumentFilterDefinition<T>(new BsonDocument("$and", new BsonArray(conditions)));
}
