using Backend.Domain.Catalog;

namespace Backend.Store;

internal static class StockLines
{
    /// <summary>One line per SKU, quantities of repeated SKUs summed, in the order the SKUs first appear.</summary>
    public static IReadOnlyList<StockRequest> Combine(IReadOnlyList<StockRequest> lines)
    {
        foreach (var line in lines)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(line.Quantity, nameof(lines));
        }

        return lines
            .GroupBy(line => line.Sku, StringComparer.Ordinal)
            .Select(group => new StockRequest(group.Key, group.Sum(line => line.Quantity)))
            .ToList();
    }
}
