using System.ComponentModel.DataAnnotations;

namespace Backend.Fulfilment.Jobs;

/// <summary>Section <c>Retention</c>: how long the data-retention job keeps what only deduplication or history needs.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Released and committed reservations; an order's reservation is what stops it reserving twice.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan SettledReservations { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Stock-receipt ids: a receipt delivered again within this window is not counted twice.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan StockReceipts { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The jobs' run history.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan JobRuns { get; set; } = TimeSpan.FromDays(30);
}

/// <summary>Section <c>Orders</c>, as far as the workers read it.</summary>
public sealed class OrderRetentionOptions
{
    public const string SectionName = "Orders";

    /// <summary>How long a customer's Idempotency-Key keeps answering with its order; the order itself stays.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan IdempotencyKeyRetention { get; set; } = TimeSpan.FromHours(24);
}
