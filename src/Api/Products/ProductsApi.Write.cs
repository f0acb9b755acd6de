using Backend.Validation;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Backend.Api.Products;

public static partial class ProductsApi
{
    public static async Task<Results<Accepted, ValidationProblem>> UpsertProductAsync(
        string sku, UpsertProductRequest request, [AsParameters] ProductServices services, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (ProductValidation.Validate(sku, request, errors) is not { } message)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        await services.Publisher.Publish(message, cancellationToken);
        Log.UpsertRequested(services.Logger, sku);
        return TypedResults.Accepted(LocationOf(sku));
    }

    public static async Task<Results<Accepted, ValidationProblem>> ReceiveStockAsync(
        string sku, StockReceiptRequest request, [AsParameters] ProductServices services, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (ProductValidation.Validate(sku, request, errors) is not { } message)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        await services.Publisher.Publish(message, cancellationToken);
        Log.ReceiptRequested(services.Logger, sku, message.ReceiptId);
        return TypedResults.Accepted(LocationOf(sku));
    }
}
