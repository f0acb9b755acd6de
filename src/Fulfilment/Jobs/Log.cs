using Microsoft.Extensions.Logging;

namespace Backend.Fulfilment.Jobs;

internal static partial class Log
{
    [LoggerMessage(EventId = 1300, EventName = "OrdersSwept", Level = LogLevel.Information,
        Message = "Job {Job} sent a command for {Count} orders")]
    public static partial void OrdersSwept(ILogger logger, string job, int count);

    [LoggerMessage(EventId = 1301, EventName = "OrdersSettled", Level = LogLevel.Warning,
        Message = "Job {Job} settled {Count} final orders that a crash or an outage had left unsettled")]
    public static partial void OrdersSettled(ILogger logger, string job, int count);

    [LoggerMessage(EventId = 1302, EventName = "SettlementFailed", Level = LogLevel.Error,
        Message = "Order {OrderId} could not be settled; it stays marked and the next run tries again")]
    public static partial void SettlementFailed(ILogger logger, Guid orderId, Exception exception);
}
