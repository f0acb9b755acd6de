using Backend.Validation;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Backend.Api.Products;

public static partial class ProductsApi
{
    public static async Task<Results<Accepted, ValidationProblem, ServiceUnavailable>> UpsertProductAsync(
        string sku, UpsertProductRequest request, [AsParameters] ProductServices services, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (ProductValidation.Validate(sku, request, errors) is not { } message)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (!await PublishAsync(message, sku, services, cancellationToken))
        {
            return Unavailable(services);
        }

        Log.UpsertRequested(services.Logger, sku);
        return TypedResults.Accepted(LocationOf(sku));
    }

    public static async Task<Results<Accepted, ValidationProblem, ServiceUnavailable>> ReceiveStockAsync(
        string sku, StockReceiptRequest request, [AsParameters] ProductServices services, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (ProductValidation.Validate(sku, request, errors) is not { } message)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (!await PublishAsync(message, sku, services, cancellationToken))
        {
            return Unavailable(services);
        }

        Log.ReceiptRequested(services.Logger, sku, message.ReceiptId);
        return TypedResults.Accepted(LocationOf(sku));
    }

    // Product changes and receipts are not recorded before they are sent: a 202 means the broker holds the message,
    // and when it cannot take it in time the caller is told so and sends again (a receipt counts once per receipt
    // id, an upsert with a version applies once), rather than being held until the broker is back.
    private static Task<bool> PublishAsync<T>(T message, string sku, ProductServices services, CancellationToken cancellationToken)
        where T : class =>
        services.Publisher.TryPublishAsync(
            message, services.Options.Value.PublishTimeoutSeconds,
            exception => Log.PublishFailed(services.Logger, typeof(T).Name, sku, exception), cancellationToken);

    private static ServiceUnavailable Unavailable(ProductServices services) => new(
        "The message broker did not take the request in time; nothing was changed. Send the same request again.",
        services.Options.Value.RetryAfterSeconds);
}
