using System.ComponentModel.DataAnnotations;

namespace Backend.Messaging;

public enum Transport
{
    InMemory,
    RabbitMq,
}

public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>In-memory suits one process (Standalone, tests); RabbitMQ is the production shape.</summary>
    public Transport Transport { get; set; } = Transport.InMemory;

    /// <summary>
    /// Redeliveries of a failing message, at intervals growing to 30 s (<see cref="RetrySchedule"/>), before it
    /// goes to the error queue. The default spans about 90 seconds: long enough for a message that names an order
    /// or product still queued elsewhere, or for a store or gateway to come back.
    /// </summary>
    [Range(0, 20)]
    public int RetryLimit { get; set; } = 8;

    /// <summary>Messages one consumer handles at once in one process.</summary>
    [Range(1, 256)]
    public int ConcurrentMessageLimit { get; set; } = 16;

    /// <summary>
    /// The largest message body deserialized, in bytes; a larger one goes to the error queue unread. The largest
    /// valid order is well under 16 KiB.
    /// </summary>
    [Range(1024, 64 * 1024 * 1024)]
    public long MaxMessageBytes { get; set; } = 256 * 1024;
}

public sealed class RabbitMqOptions
{
    public const string SectionName = "RabbitMq";

    [Required]
    public string Host { get; set; } = "localhost";

    [Range(1, 65535)]
    public int Port { get; set; } = 5672;

    [Required]
    public string VirtualHost { get; set; } = "/";

    [Required]
    public string Username { get; set; } = "guest";

    [Required]
    public string Password { get; set; } = "guest";
}
