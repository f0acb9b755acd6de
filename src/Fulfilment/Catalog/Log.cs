using Microsoft.Extensions.Logging;

namespace Backend.Fulfilment.Catalog;

internal static partial class Log
{
    [LoggerMessage(EventId = 1200, EventName = "ProductSeeded", Level = LogLevel.Information,
        Message = "Seeded product {Sku} with {OnHand} units on hand")]
    public static partial void ProductSeeded(ILogger logger, string sku, int onHand);

    [LoggerMessage(EventId = 1201, EventName = "StaleUpsertIgnored", Level = LogLevel.Information,
        Message = "Upsert of product {Sku} at version {Version} ignored: the stored definition is as new or newer")]
    public static partial void StaleUpsertIgnored(ILogger logger, string sku, long? version);
}
