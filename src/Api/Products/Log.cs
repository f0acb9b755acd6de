using Microsoft.Extensions.Logging;

namespace Backend.Api.Products;

internal static partial class Log
{
    [LoggerMessage(EventId = 2001, EventName = "UpsertRequested", Level = LogLevel.Information,
        Message = "Upsert of product {Sku} requested")]
    public static partial void UpsertRequested(ILogger logger, string sku);

    [LoggerMessage(EventId = 2002, EventName = "ReceiptRequested", Level = LogLevel.Information,
        Message = "Stock receipt {ReceiptId} for product {Sku} requested")]
    public static partial void ReceiptRequested(ILogger logger, string sku, string receiptId);

    [LoggerMessage(EventId = 2003, EventName = "ProductPublishFailed", Level = LogLevel.Warning,
        Message = "{Message} for product {Sku} could not be published in time; the caller got 503")]
    public static partial void PublishFailed(ILogger logger, string message, string sku, Exception exception);
}
