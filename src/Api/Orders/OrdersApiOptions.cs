using System.ComponentModel.DataAnnotations;

namespace Backend.Api.Orders;

public sealed class OrdersApiOptions
{
    public const string SectionName = "Orders";

    /// <summary>Seconds a client should wait before polling an order that is still being processed.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>
    /// How long a submission waits for the broker before answering 202 anyway: the stored order is the outbox,
    /// and the re-drive job sends it once the broker is back.
    /// </summary>
    [Range(1, 60)]
    public int PublishTimeoutSeconds { get; set; } = 5;
}
