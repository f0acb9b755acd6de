namespace Backend.Contracts.Reports;

/// <summary>
/// Published by the daily-sales-report job once per run, after the day's report is stored; a recomputed day is
/// published again with its new figures. <see cref="Net"/> is gross sales less discounts, before tax.
/// </summary>
public sealed record DailySalesReportReady(DateOnly Date, int Orders, decimal Net, string Currency);
