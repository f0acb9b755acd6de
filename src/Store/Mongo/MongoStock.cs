using Backend.Domain.Catalog;

using Microsoft.Extensions.Logging;

using MongoDB.Driver;

namespace Backend.Store.Mongo;

/// <summary>
/// Stock changes without multi-document transactions: every change is one conditional update of one product
/// document, so a product never oversells; an order's reservation across products is made all-or-nothing by
/// compensation, and each step is guarded by whether the product holds the order, so replays change nothing.
/// </summary>
internal sealed class MongoStock(MongoStoreContext context, ILogger<MongoStock> logger)
{
    private static readonly FilterDefinitionBuilder<ProductDocument> Filter = Builders<ProductDocument>.Filter;
    private static readonly UpdateDefinitionBuilder<ProductDocument> Update = Builders<ProductDocument>.Update;

    public async Task<ReservationResult> ReserveAsync(Guid orderId, IReadOnlyList<StockRequest> lines, CancellationToken cancellationToken)
    {
        foreach (var line in lines)
        {
            var quantity = line.Quantity;
            var reserved = await context.Products.UpdateOneAsync(
                Filter.Eq(d => d.Sku, line.Sku) & Filter.Not(Holds(orderId)) & Filter.Where(d => d.OnHand - d.Reserved >= quantity),
                Update
                    .Push(d => d.Reservations, new ReservationDocument { OrderId = orderId, Quantity = quantity })
                    .Inc(d => d.Reserved, quantity),
                cancellationToken: cancellationToken);
            if (reserved.ModifiedCount == 1)
            {
                continue;
            }

            // A redelivery, or a retry after a crash half-way, finds lines it reserved before: they count as done.
            if (await context.Products.Find(Filter.Eq(d => d.Sku, line.Sku) & Holds(orderId)).AnyAsync(cancellationToken))
            {
                continue;
            }

            Log.StockShort(logger, orderId, line.Sku);
            await SettleAsync(orderId, commit: false, cancellationToken);
            return ReservationResult.OutOfStock(line.Sku);
        }

        return ReservationResult.Reserved;
    }

    /// <summary>Releases (back to available) or commits (off on-hand) every reservation the order holds.</summary>
    public async Task SettleAsync(Guid orderId, bool commit, CancellationToken cancellationToken)
    {
        var holders = await context.Products.Find(Holds(orderId))
            .Project<ProductDocument>(Builders<ProductDocument>.Projection.ElemMatch(d => d.Reservations, r => r.OrderId == orderId))
            .ToListAsync(cancellationToken);
        foreach (var holder in holders)
        {
            var quantity = holder.Reservations.Single().Quantity;
            var update = Update.PullFilter(d => d.Reservations, r => r.OrderId == orderId).Inc(d => d.Reserved, -quantity);
            // Conditional on still holding it: a concurrent release or commit of the same order applies once.
            var settled = await context.Products.UpdateOneAsync(
                Filter.Eq(d => d.Sku, holder.Sku) & Holds(orderId),
                commit ? update.Inc(d => d.OnHand, -quantity) : update,
                cancellationToken: cancellationToken);
            if (!commit && settled.ModifiedCount == 1)
            {
                Log.ReservationReleased(logger, orderId, holder.Sku);
            }
        }
    }

    public async Task<ReceiptOutcome> ReceiveAsync(string sku, int quantity, string receiptId, CancellationToken cancellationToken)
    {
        // The receipt id is stored on the product in the same update that counts it, so no crash can separate them.
        var counted = await context.Products.UpdateOneAsync(
            Filter.Eq(d => d.Sku, sku) & Filter.AnyNe(d => d.ReceiptIds, receiptId),
            Update.Push(d => d.ReceiptIds, receiptId).Inc(d => d.OnHand, quantity),
            cancellationToken: cancellationToken);
        if (counted.ModifiedCount == 1)
        {
            return ReceiptOutcome.Counted;
        }

        if (!await context.Products.Find(Filter.Eq(d => d.Sku, sku)).AnyAsync(cancellationToken))
        {
            return ReceiptOutcome.UnknownSku;
        }

        Log.DuplicateReceipt(logger, receiptId, sku);
        return ReceiptOutcome.Duplicate;
    }

    private static FilterDefinition<ProductDocument> Holds(Guid orderId) =>
        Filter.ElemMatch(d => d.Reservations, r => r.OrderId == orderId);
}
