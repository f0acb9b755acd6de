using Microsoft.Extensions.Logging;

namespace Backend.Store;

internal static partial class Log
{
    [LoggerMessage(EventId = 3001, EventName = "SqliteStoreInitialized", Level = LogLevel.Information,
        Message = "SQLite store ready at {Path} (journal mode {JournalMode})")]
    public static partial void SqliteStoreInitialized(ILogger logger, string path, string journalMode);

    [LoggerMessage(EventId = 3002, EventName = "MongoStoreInitialized", Level = LogLevel.Information,
        Message = "MongoDB store ready in database {Database}")]
    public static partial void MongoStoreInitialized(ILogger logger, string database);

    [LoggerMessage(EventId = 3003, EventName = "SqliteBusyRetry", Level = LogLevel.Warning,
        Message = "SQLite was busy during {Operation}; attempt {Attempt} is retried")]
    public static partial void SqliteBusyRetry(ILogger logger, string operation, int attempt);

    [LoggerMessage(EventId = 3004, EventName = "OrderVersionConflict", Level = LogLevel.Debug,
        Message = "Order {OrderId} was not saved: the stored version is no longer {ExpectedVersion}")]
    public static partial void OrderVersionConflict(ILogger logger, Guid orderId, long expectedVersion);

    [LoggerMessage(EventId = 3005, EventName = "StockShort", Level = LogLevel.Debug,
        Message = "Order {OrderId} reserved nothing: {Sku} is short")]
    public static partial void StockShort(ILogger logger, Guid orderId, string sku);

    [LoggerMessage(EventId = 3006, EventName = "ReservationReleased", Level = LogLevel.Debug,
        Message = "Order {OrderId} released its reservation on {Sku}")]
    public static partial void ReservationReleased(ILogger logger, Guid orderId, string sku);

    [LoggerMessage(EventId = 3007, EventName = "DuplicateReceipt", Level = LogLevel.Debug,
        Message = "Stock receipt {ReceiptId} for {Sku} was counted before")]
    public static partial void DuplicateReceipt(ILogger logger, string receiptId, string sku);
}
