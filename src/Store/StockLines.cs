using Backend.Domain.Catalog;

namespace Backend.Store;

internal static class StockLines
{
    /// <summary>
    /// One line per SKU, quantities of repeated SKUs summed, ordered by SKU: every call for an order then takes
    /// its lines in the same order, which the Mongo reservation relies on, and names the same short SKU.
    /// </summary>
    public static IReadOnlyList<StockRequest> Combine(IReadOnlyList<StockRequest> lines)
    {
        foreach (var line in lines)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(line.Quantity, nameof(lines));
        }

        return lines
            .GroupBy(line => line.Sku, StringComparer.Ordinal)
            .Select(group => new StockRequest(group.Key, group.Sum(line => line.Quantity)))
            .OrderBy(line => line.Sku, StringComparer.Ordinal)
            .ToList();
    }
}
