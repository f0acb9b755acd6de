namespace Backend.Domain.Reports;

/// <summary>A day's report as the daily job stored it.</summary>
public sealed record StoredDailySalesReport(DailySalesReport Report, string Currency, DateTimeOffset GeneratedAt);

public interface IReportStore
{
    /// <summary>Stores the day's report, replacing one stored for that day before.</summary>
    Task SaveDailyAsync(StoredDailySalesReport report, CancellationToken cancellationToken);

    Task<StoredDailySalesReport?> FindDailyAsync(DateOnly date, CancellationToken cancellationToken);
}
