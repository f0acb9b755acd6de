using Backend.Validation;
using Backend.Validation.Catalog;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Backend.Api.Products;

public static partial class ProductsApi
{
    public static async Task<Ok<IReadOnlyList<ProductView>>> ListProductsAsync(
        [AsParameters] ProductServices services, CancellationToken cancellationToken)
    {
        var products = await services.Store.ListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ProductView>>([.. products.Select(ProductView.From)]);
    }

    public static async Task<Results<Ok<ProductView>, ValidationProblem, NotFound>> GetProductAsync(
        string sku, [AsParameters] ProductServices services, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (!SkuValidator.Validate(sku, errors))
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var product = await services.Store.FindAsync(sku, cancellationToken);
        return product is null ? TypedResults.NotFound() : TypedResults.Ok(ProductView.From(product));
    }
}
