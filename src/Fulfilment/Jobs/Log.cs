using Backend.Domain.Jobs;

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

    // Debug: the history holds every run; failures and takeovers log on their own at higher levels.
    [LoggerMessage(EventId = 1310, EventName = "JobRunRecorded", Level = LogLevel.Debug,
        Message = "Job {Job} run {RunId} {Outcome}: {Summary}")]
    public static partial void RunRecorded(ILogger logger, string job, Guid runId, JobRunStatus outcome, string summary);

    [LoggerMessage(EventId = 1311, EventName = "JobRunFailed", Level = LogLevel.Error,
        Message = "Job {Job} run {RunId} failed")]
    public static partial void RunFailed(ILogger logger, string job, Guid runId, Exception exception);

    [LoggerMessage(EventId = 1312, EventName = "JobRunSkipped", Level = LogLevel.Warning,
        Message = "Job {Job} skipped its fire time {FireTime:O}: an earlier run still holds its lease")]
    public static partial void RunSkipped(ILogger logger, string job, DateTimeOffset fireTime);

    [LoggerMessage(EventId = 1313, EventName = "JobLeaseTakenOver", Level = LogLevel.Warning,
        Message = "Job {Job} run {InterruptedRunId} let its lease expire; run {RunId} took it over and recorded it Interrupted")]
    public static partial void LeaseTakenOver(ILogger logger, string job, Guid interruptedRunId, Guid runId);

    [LoggerMessage(EventId = 1314, EventName = "JobLeaseLost", Level = LogLevel.Warning,
        Message = "Job {Job} run {RunId} lost its lease to another replica; its result is not recorded")]
    public static partial void LeaseLost(ILogger logger, string job, Guid runId);

    [LoggerMessage(EventId = 1315, EventName = "JobClaimFailed", Level = LogLevel.Error,
        Message = "Job {Job} could not claim its fire time {FireTime:O}")]
    public static partial void ClaimFailed(ILogger logger, string job, DateTimeOffset fireTime, Exception exception);

    [LoggerMessage(EventId = 1316, EventName = "JobRenewFailed", Level = LogLevel.Warning,
        Message = "Job {Job} run {RunId} could not renew its lease")]
    public static partial void RenewFailed(ILogger logger, string job, Guid runId, Exception exception);

    [LoggerMessage(EventId = 1317, EventName = "JobCompleteFailed", Level = LogLevel.Error,
        Message = "Job {Job} run {RunId} could not record its outcome; it is recorded Interrupted once its lease expires")]
    public static partial void CompleteFailed(ILogger logger, string job, Guid runId, Exception exception);

    [LoggerMessage(EventId = 1318, EventName = "JobRunsCutOff", Level = LogLevel.Warning,
        Message = "{Count} job runs still going after the shutdown grace period are cut off")]
    public static partial void RunsCutOff(ILogger logger, int count);

    [LoggerMessage(EventId = 1319, EventName = "JobsRegisterFailed", Level = LogLevel.Error,
        Message = "The jobs could not be registered in the store; trying again in {Delay}")]
    public static partial void RegisterFailed(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 1320, EventName = "JobFireTimesPassed", Level = LogLevel.Warning,
        Message = "Job {Job} reached its fire time {FireTime:O} {Late} late; this process leaves it to the other replicas")]
    public static partial void FireTimesPassed(ILogger logger, string job, DateTimeOffset fireTime, TimeSpan late);

    [LoggerMessage(EventId = 1321, EventName = "JobFireTimesMissed", Level = LogLevel.Warning,
        Message = "Job {Job} missed {Count} fire times from {First:O} to {Last:O} while no worker ran; one catch-up run follows")]
    public static partial void FireTimesMissed(ILogger logger, string job, int count, DateTimeOffset first, DateTimeOffset last);

    [LoggerMessage(EventId = 1322, EventName = "JobCatchUpFailed", Level = LogLevel.Error,
        Message = "Job {Job} could not look for fire times missed while no worker ran")]
    public static partial void CatchUpFailed(ILogger logger, string job, Exception exception);

    [LoggerMessage(EventId = 1323, EventName = "JobRequestsUnreadable", Level = LogLevel.Warning,
        Message = "The runs operators asked for could not be read; trying again")]
    public static partial void RequestsUnreadable(ILogger logger, Exception exception);
}
