using Backend.Domain.Catalog;

using Microsoft.Extensions.Logging;

using MongoDB.Driver;
using MongoDB.Driver.Linq;

namespace Backend.Store.Mongo;

/// <summary>
/// Stock changes without multi-document transactions: every change is one conditional update of one product
/// document, so a product never oversells and every move of a reservation entry between states happens once.
/// An order's reservation across products is made all-or-nothing by compensation (see ReserveAsync).
/// </summary>
internal sealed partial class MongoStock(MongoStoreContext context, TimeProvider time, ILogger<MongoStock> logger)
{
    private static readonly FilterDefinitionBuilder<ProductDocument> Filter = Builders<ProductDocument>.Filter;
    private static readonly FilterDefinitionBuilder<ReservationDocument> Entry = Builders<ReservationDocument>.Filter;
    private static readonly UpdateDefinitionBuilder<ProductDocument> Update = Builders<ProductDocument>.Update;

    /// <summary>Moves the order's held entries to released (back to available) or committed (off on-hand).</summary>
    public async Task SettleAsync(Guid orderId, bool commit, CancellationToken cancellationToken)
    {
        var state = commit ? ReservationState.Committed : ReservationState.Released;
        var held = await EntriesAsync(Filter.Empty, orderId, Entry.Eq(r => r.State, ReservationState.Held), cancellationToken);
        foreach (var (sku, entry) in held)
        {
            var update = Update
                .Set(d => d.Reservations.FirstMatchingElement().State, state)
                .Set(d => d.Reservations.FirstMatchingElement().SettledAt, Now())
                .Inc(d => d.Reserved, -entry.Quantity);
            // Conditional on the entry still being held: a concurrent release or commit of the same order applies once.
            var settled = await context.Products.UpdateOneAsync(
                Filter.Eq(d => d.Sku, sku) & Holds(orderId, HeldOf(entry.Quantity)),
                commit ? update.Inc(d => d.OnHand, -entry.Quantity).Inc(d => d.ShippedTotal, entry.Quantity) : update,
                cancellationToken: cancellationToken);
            if (!commit && settled.ModifiedCount == 1)
            {
                Log.ReservationReleased(logger, orderId, sku);
            }
        }
    }

    /// <summary>
    /// Moves the order's released entries to committed, taking what available stock allows off on-hand, each in one
    /// conditional update of its product (retried when another writer moved the counters in between).
    /// </summary>
    public async Task<int> WriteOffReleasedAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var unitsShort = 0;
        var released = Entry.Eq(r => r.State, ReservationState.Released);
        foreach (var (sku, entry) in await EntriesAsync(Filter.Empty, orderId, released, cancellationToken))
        {
            while (true)
            {
                var product = await context.Products.Find(Filter.Eq(d => d.Sku, sku))
                    .Project<ProductDocument>(Builders<ProductDocument>.Projection
                        .Exclude(d => d.Reservations).Exclude(d => d.ReceiptIds).Exclude(d => d.Receipts))
                    .FirstOrDefaultAsync(cancellationToken);
                if (product is null)
                {
                    break;
                }

                var taken = Math.Min(entry.Quantity, Math.Max(product.OnHand - product.Reserved, 0));
                var result = await context.Products.UpdateOneAsync(
                    Filter.Eq(d => d.Sku, sku) & Filter.Eq(d => d.OnHand, product.OnHand) & Filter.Eq(d => d.Reserved, product.Reserved)
                        & Holds(orderId, released),
                    // A write-off settles the entry once more (a shipment arrived after the release): retention counts from it.
                    Update.Set(d => d.Reservations.FirstMatchingElement().State, ReservationState.Committed)
                        .Set(d => d.Reservations.FirstMatchingElement().SettledAt, Now())
                        .Inc(d => d.OnHand, -taken)
                        .Inc(d => d.ShippedTotal, taken),
                    cancellationToken: cancellationToken);
                if (result.ModifiedCount == 1)
                {
                    unitsShort += entry.Quantity - taken;
                    break;
                }

                // Either the counters moved (read them again) or another call committed the entry (nothing left to do).
                if (!await context.Products.Find(Filter.Eq(d => d.Sku, sku) & Holds(orderId, released)).AnyAsync(cancellationToken))
                {
                    break;
                }
            }
        }

        return unitsShort;
    }

    public async Task<ReceiptOutcome> ReceiveAsync(string sku, int quantity, string receiptId, CancellationToken cancellationToken)
    {
        // The receipt is stored on the product in the same update that counts it, so no crash can separate them.
        var counted = await context.Products.UpdateOneAsync(
            Filter.Eq(d => d.Sku, sku) & Filter.Not(Counted(receiptId)) & Filter.Lte(d => d.OnHand, ProductLimits.MaxOnHand - quantity),
            Update.Push(d => d.Receipts, new ReceiptDocument { ReceiptId = receiptId, At = Now() })
                .Inc(d => d.OnHand, quantity)
                .Inc(d => d.ReceivedTotal, quantity),
            cancellationToken: cancellationToken);
        if (counted.ModifiedCount == 1)
        {
            return ReceiptOutcome.Counted;
        }

        if (!await context.Products.Find(Filter.Eq(d => d.Sku, sku)).AnyAsync(cancellationToken))
        {
            return ReceiptOutcome.UnknownSku;
        }

        if (!await context.Products.Find(Filter.Eq(d => d.Sku, sku) & Counted(receiptId)).AnyAsync(cancellationToken))
        {
            return ReceiptOutcome.OverLimit;
        }

        Log.DuplicateReceipt(logger, receiptId, sku);
        return ReceiptOutcome.Duplicate;
    }

    /// <summary>Products that counted the receipt, as a timed entry or a legacy id.</summary>
    private static FilterDefinition<ProductDocument> Counted(string receiptId) =>
        Filter.AnyEq(d => d.ReceiptIds, receiptId) | Filter.ElemMatch(d => d.Receipts, r => r.ReceiptId == receiptId);

    private DateTime Now() => MongoMapping.Date(time.GetUtcNow());

    /// <summary>The order's entry on each product matching <paramref name="products"/> whose entry matches <paramref name="entry"/>.</summary>
    private async Task<IReadOnlyList<(string Sku, ReservationDocument Entry)>> EntriesAsync(
        FilterDefinition<ProductDocument> products, Guid orderId, FilterDefinition<ReservationDocument>? entry,
        CancellationToken cancellationToken)
    {
        var documents = await context.Products.Find(products & Holds(orderId, entry))
            .Project<ProductDocument>(Builders<ProductDocument>.Projection.ElemMatch(d => d.Reservations, r => r.OrderId == orderId))
            .ToListAsync(cancellationToken);
        return [.. documents.Select(document => (document.Sku, document.Reservations.Single()))];
    }

    /// <summary>Products with an entry for the order, one that also matches <paramref name="entry"/> when given.</summary>
    private static FilterDefinition<ProductDocument> Holds(Guid orderId, FilterDefinition<ReservationDocument>? entry = null)
    {
        var order = Entry.Eq(r => r.OrderId, orderId);
        return Filter.ElemMatch(d => d.Reservations, entry is null ? order : order & entry);
    }

    private static FilterDefinition<ReservationDocument> HeldOf(int quantity) =>
        Entry.Eq(r => r.State, ReservationState.Held) & Entry.Eq(r => r.Quantity, quantity);
}
