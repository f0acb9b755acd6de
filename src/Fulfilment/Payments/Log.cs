using Backend.Domain.Payments;

using Microsoft.Extensions.Logging;

namespace Backend.Fulfilment.Payments;

internal static partial class Log
{
    [LoggerMessage(EventId = 1400, EventName = "PaymentGatewayUnavailable", Level = LogLevel.Warning,
        Message = "The simulated gateway failed attempt {Attempt} to authorize order {OrderId} on purpose")]
    public static partial void PaymentGatewayUnavailable(ILogger logger, Guid orderId, int attempt);

    [LoggerMessage(EventId = 1401, EventName = "PaymentSettled", Level = LogLevel.Debug,
        Message = "Payment of order {OrderId}: {Settlement} answered {Outcome}")]
    public static partial void PaymentSettled(ILogger logger, Guid orderId, PaymentSettlement settlement, SettlementOutcome outcome);

    [LoggerMessage(EventId = 1402, EventName = "PaymentSettlementRefused", Level = LogLevel.Warning,
        Message = "Payment of order {OrderId} was not {Settlement}: it was settled the other way before")]
    public static partial void PaymentSettlementRefused(ILogger logger, Guid orderId, PaymentSettlement settlement);
}
