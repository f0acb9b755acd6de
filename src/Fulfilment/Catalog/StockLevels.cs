using Backend.Contracts.Catalog;
using Backend.Domain.Catalog;

using MassTransit;

namespace Backend.Fulfilment.Catalog;

/// <summary>
/// Announces <see cref="StockLow"/> once per crossing of the reorder point: the flag on the product is flipped
/// atomically, and only the caller that flipped it publishes. It publishes on the bus straight away, not through
/// the consume's outbox: the flip is stored, so a later failure of the same consume must not take the event back.
/// </summary>
public sealed class StockLevels(IProductStore products, IBus bus)
{
    /// <summary>Returns how many products this call announced.</summary>
    public async Task<int> CheckAsync(IEnumerable<string> skus, CancellationToken cancellationToken)
    {
        var announced = 0;
        foreach (var product in await products.FindManyAsync([.. skus.Distinct()], cancellationToken))
        {
            if (product.CrossedReorderPoint &&
                await products.TrySetBelowReorderPointAsync(product.Sku, true, cancellationToken))
            {
                await bus.Publish(new StockLow(product.Sku, product.Available, product.ReorderPoint), cancellationToken);
                announced++;
            }
            else if (product.RecoveredFromReorderPoint)
            {
                await products.TrySetBelowReorderPointAsync(product.Sku, false, cancellationToken);
            }
        }

        return announced;
    }
}
