using Backend.Domain.Orders;

using Microsoft.Extensions.Logging;

namespace Backend.Fulfilment.Orders;

internal static partial class Log
{
    [LoggerMessage(EventId = 1100, EventName = "OrderMoved", Level = LogLevel.Information,
        Message = "Order {OrderId} is now {Status} {Reason}")]
    public static partial void OrderMoved(ILogger logger, Guid orderId, OrderStatus status, string? reason);

    [LoggerMessage(EventId = 1101, EventName = "OrderAcceptedFromBroker", Level = LogLevel.Information,
        Message = "Order {OrderId} for customer {CustomerId} accepted from the broker")]
    public static partial void OrderAcceptedFromBroker(ILogger logger, Guid orderId, string customerId);

    [LoggerMessage(EventId = 1102, EventName = "OrderStepIgnored", Level = LogLevel.Information,
        Message = "{Step} ignored for order {OrderId}: it is {Status}")]
    public static partial void StepIgnored(ILogger logger, string step, Guid orderId, OrderStatus status);
}
