using Backend.Domain.Catalog;
using Backend.Fulfilment.Catalog;

namespace Backend.Fulfilment.Jobs;

/// <summary>
/// Announces products below their reorder point that no consumer announced since they crossed it, through the same
/// <see cref="StockLevels"/> check the consumers run: the flag on the product makes it once per crossing, whoever
/// gets there first.
/// </summary>
public sealed class LowStockScanJob(IProductStore products, StockLevels stockLevels) : IRecurringJob
{
    public async Task<string> RunAsync(JobOccurrence occurrence, CancellationToken cancellationToken)
    {
        var catalog = await products.ListAsync(cancellationToken);
        var due = catalog.Where(product => product.CrossedReorderPoint || product.RecoveredFromReorderPoint).Select(product => product.Sku).ToList();
        var announced = due.Count == 0 ? 0 : await stockLevels.CheckAsync(due, cancellationToken);
        return $"checked {catalog.Count} products, announced {announced} below their reorder point";
    }
}
