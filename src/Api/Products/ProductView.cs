using Backend.Domain.Catalog;

namespace Backend.Api.Products;

public sealed record ProductView(
    string Sku,
    string Name,
    decimal UnitPrice,
    bool Active,
    int OnHand,
    int Reserved,
    int Available,
    int ReorderPoint)
{
    public static ProductView From(Product product) => new(
        product.Sku,
        product.Name,
        product.UnitPrice,
        product.Active,
        product.OnHand,
        product.Reserved,
        product.Available,
        product.ReorderPoint);
}
