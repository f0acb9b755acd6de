using Microsoft.Extensions.Logging;

namespace Backend.Fulfilment.Jobs;

internal static partial class Log
{
    [LoggerMessage(EventId = 1300, EventName = "OrdersRedriven", Level = LogLevel.Information,
        Message = "Re-sent SubmitOrder for {Count} orders stuck in progress")]
    public static partial void OrdersRedriven(ILogger logger, int count);

    [LoggerMessage(EventId = 1301, EventName = "OrdersExpiring", Level = LogLevel.Information,
        Message = "Sent ExpireOrder for {Count} orders not confirmed in time")]
    public static partial void OrdersExpiring(ILogger logger, int count);
}
