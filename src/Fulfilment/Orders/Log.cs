using Backend.Domain.Orders;

using Microsoft.Extensions.Logging;

namespace Backend.Fulfilment.Orders;

internal static partial class Log
{
    [LoggerMessage(EventId = 1100, EventName = "OrderMoved", Level = LogLevel.Information,
        Message = "Order {OrderId} is now {Status} {Reason}")]
    public static partial void OrderMoved(ILogger logger, Guid orderId, OrderStatus status, string? reason);

    // A step on the way to an outcome: the order's timeline and its trace keep it, and each Information line is
    // paid by every order (logging is 7 % of an order's CPU in the profile in docs/performance.md).
    [LoggerMessage(EventId = 1107, EventName = "OrderReserved", Level = LogLevel.Debug,
        Message = "Order {OrderId} is now Reserved")]
    public static partial void OrderReserved(ILogger logger, Guid orderId);

    [LoggerMessage(EventId = 1101, EventName = "OrderAcceptedFromBroker", Level = LogLevel.Information,
        Message = "Order {OrderId} for customer {CustomerId} accepted from the broker")]
    public static partial void OrderAcceptedFromBroker(ILogger logger, Guid orderId, string customerId);

    [LoggerMessage(EventId = 1102, EventName = "OrderStepIgnored", Level = LogLevel.Information,
        Message = "{Step} ignored for order {OrderId}: it is {Status}")]
    public static partial void StepIgnored(ILogger logger, string step, Guid orderId, OrderStatus status);

    [LoggerMessage(EventId = 1103, EventName = "SettlementMarkKept", Level = LogLevel.Warning,
        Message = "Order {OrderId} is settled but its mark could not be cleared; the settlement sweep clears it")]
    public static partial void SettlementMarkKept(ILogger logger, Guid orderId);

    [LoggerMessage(EventId = 1104, EventName = "ShipmentConflict", Level = LogLevel.Warning,
        Message = "Shipment {Carrier} {TrackingNumber} of order {OrderId} conflicts: the order is {Status}; {UnitsShort} units could not be taken off on-hand")]
    public static partial void ShipmentConflict(
        ILogger logger, Guid orderId, string carrier, string trackingNumber, OrderStatus status, int unitsShort);

    [LoggerMessage(EventId = 1105, EventName = "FaultInjected", Level = LogLevel.Critical,
        Message = "Fault hook: the process kills itself after saving order {OrderId} as {Status}, before settling it")]
    public static partial void FaultInjected(ILogger logger, Guid orderId, OrderStatus status);

    [LoggerMessage(EventId = 1106, EventName = "JobRunDelayed", Level = LogLevel.Warning,
        Message = "Fault hook: job {Job} waits {Delay} before it works")]
    public static partial void JobRunDelayed(ILogger logger, string job, TimeSpan delay);
    [LoggerMessage(EventId = 1110, EventName = "FailedMessageFaultInjected", Level = LogLevel.Critical,
        Message = "Fault injected: killing the process after storing failed message {RecordId}")]
    public static partial void FailedMessageFaultInjected(ILogger logger, Guid recordId);
}
