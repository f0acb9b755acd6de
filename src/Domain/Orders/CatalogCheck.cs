using Backend.Domain.Catalog;

namespace Backend.Domain.Orders;

public sealed record Rejection(string Reason, string? Detail);

/// <summary>The first processing rule: every SKU exists and is active.</summary>
public static class CatalogCheck
{
    public static Rejection? Check(IReadOnlyList<OrderLine> lines, IReadOnlyDictionary<string, Product> catalog)
    {
        foreach (var line in lines)
        {
            if (!catalog.TryGetValue(line.Sku, out var product))
            {
                return new Rejection(RejectionReason.UnknownSku, line.Sku);
            }

            if (!product.Active)
            {
                return new Rejection(RejectionReason.ProductInactive, line.Sku);
            }
        }

        return null;
    }
}
