using Microsoft.Extensions.Logging;

namespace Backend.Api.Orders;

internal static partial class Log
{
    [LoggerMessage(EventId = 1001, EventName = "OrderAccepted", Level = LogLevel.Information,
        Message = "Order {OrderId} accepted for customer {CustomerId}")]
    public static partial void OrderAccepted(ILogger logger, Guid orderId, string customerId);

    [LoggerMessage(EventId = 1002, EventName = "IdempotentReplay", Level = LogLevel.Information,
        Message = "Order {OrderId} replayed for a repeated Idempotency-Key")]
    public static partial void IdempotentReplay(ILogger logger, Guid orderId);

    [LoggerMessage(EventId = 1003, EventName = "SubmitPublishFailed", Level = LogLevel.Warning,
        Message = "Order {OrderId} is stored but SubmitOrder could not be published; the re-drive job will send it")]
    public static partial void SubmitPublishFailed(ILogger logger, Guid orderId, Exception exception);

    [LoggerMessage(EventId = 1004, EventName = "CancelRequested", Level = LogLevel.Information,
        Message = "Cancellation of order {OrderId} requested by {RequestedBy}")]
    public static partial void CancelRequested(ILogger logger, Guid orderId, string requestedBy);

    [LoggerMessage(EventId = 1005, EventName = "ShipmentRecorded", Level = LogLevel.Information,
        Message = "Shipment of order {OrderId} recorded over HTTP")]
    public static partial void ShipmentRecorded(ILogger logger, Guid orderId);

    [LoggerMessage(EventId = 1006, EventName = "RequestPublishFailed", Level = LogLevel.Warning,
        Message = "{Message} for order {OrderId} is recorded but could not be published; the re-drive job will send it")]
    public static partial void RequestPublishFailed(ILogger logger, Guid orderId, string message, Exception exception);
}
