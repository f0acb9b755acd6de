using Backend.Domain.Catalog;

using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.Linq;

namespace Backend.Store.Mongo;

/// <summary>
/// Reservation line by line, each line one conditional update. A call tags the entries it holds with an attempt
/// id of its own; finding a held entry of the same order, it adds its id to that entry instead of reserving again.
/// Undoing after a short line, it takes its id off and removes only entries no other call still counts on, so two
/// racing calls for one order never undo each other's lines. A call that crashed half-way leaves its lines held
/// until the order is released, which every final state of an order does.
/// </summary>
internal sealed partial class MongoStock
{
    private enum Take
    {
        Held,
        Short,
        Settled,
    }

    public async Task<ReservationResult> ReserveAsync(Guid orderId, IReadOnlyList<StockRequest> lines, CancellationToken cancellationToken)
    {
        var existing = await EntriesAsync(Filter.Empty, orderId, null, cancellationToken);
        // Settled entries mean the order is final; entries on every line mean an earlier call reserved them all.
        if (existing.Any(e => e.Entry.State != ReservationState.Held) || lines.All(line => existing.Any(e => e.Sku == line.Sku)))
        {
            return ReservationResult.Reserved;
        }

        var attempt = ObjectId.GenerateNewId();
        var taken = new List<string>();
        foreach (var line in lines)
        {
            var outcome = await TakeAsync(orderId, attempt, line, cancellationToken);
            if (outcome == Take.Held)
            {
                taken.Add(line.Sku);
                continue;
            }

            await UndoAsync(orderId, attempt, taken, cancellationToken);
            if (outcome == Take.Settled)
            {
                return ReservationResult.Reserved;
            }

            Log.StockShort(logger, orderId, line.Sku);
            return ReservationResult.OutOfStock(line.Sku);
        }

        return ReservationResult.Reserved;
    }

    private async Task<Take> TakeAsync(Guid orderId, ObjectId attempt, StockRequest line, CancellationToken cancellationToken)
    {
        var product = Filter.Eq(d => d.Sku, line.Sku);
        var quantity = line.Quantity;
        var entry = new ReservationDocument { OrderId = orderId, Quantity = quantity, State = ReservationState.Held, Attempts = [attempt] };
        // Each pass follows a change another call made to this document between two steps, so passes are few.
        while (true)
        {
            var reserved = await context.Products.UpdateOneAsync(
                product & Filter.Not(Holds(orderId)) & Filter.Where(d => d.OnHand - d.Reserved >= quantity),
                Update.Push(d => d.Reservations, entry).Inc(d => d.Reserved, quantity),
                cancellationToken: cancellationToken);
            if (reserved.ModifiedCount == 1)
            {
                return Take.Held;
            }

            var joined = await context.Products.UpdateOneAsync(
                product & Holds(orderId, Entry.Eq(r => r.State, ReservationState.Held)),
                Update.AddToSet(d => d.Reservations.FirstMatchingElement().Attempts, attempt),
                cancellationToken: cancellationToken);
            if (joined.MatchedCount == 1)
            {
                return Take.Held;
            }

            var current = await context.Products.Find(product)
                .Project<ProductDocument>(Builders<ProductDocument>.Projection
                    .Include(d => d.OnHand)
                    .Include(d => d.Reserved)
                    .ElemMatch(d => d.Reservations, r => r.OrderId == orderId))
                .FirstOrDefaultAsync(cancellationToken);
            if (current is null || (current.Reservations.Count == 0 && current.OnHand - current.Reserved < quantity))
            {
                return Take.Short;
            }

            if (current.Reservations is [{ State: not ReservationState.Held }])
            {
                return Take.Settled;
            }
        }
    }

    /// <summary>
    /// Gives up this call's claim on each line, then removes the entries nobody claims any more. Of calls undoing
    /// the same entry, the conditional removal succeeds for one; a call that claimed it meanwhile keeps it.
    /// </summary>
    private async Task UndoAsync(Guid orderId, ObjectId attempt, IReadOnlyList<string> skus, CancellationToken cancellationToken)
    {
        var unclaimed = Entry.Eq(r => r.State, ReservationState.Held) & Entry.Size(r => r.Attempts, 0);
        foreach (var sku in skus)
        {
            var product = Filter.Eq(d => d.Sku, sku);
            await context.Products.UpdateOneAsync(
                product & Holds(orderId, Entry.AnyEq(r => r.Attempts, attempt)),
                Update.Pull(d => d.Reservations.FirstMatchingElement().Attempts, attempt),
                cancellationToken: cancellationToken);
            foreach (var (_, entry) in await EntriesAsync(product, orderId, unclaimed, cancellationToken))
            {
                await context.Products.UpdateOneAsync(
                    product & Holds(orderId, HeldOf(entry.Quantity) & Entry.Size(r => r.Attempts, 0)),
                    Update.PullFilter(d => d.Reservations, r => r.OrderId == orderId).Inc(d => d.Reserved, -entry.Quantity),
                    cancellationToken: cancellationToken);
            }
        }
    }
}
