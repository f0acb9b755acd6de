using System.ComponentModel.DataAnnotations;

namespace Backend.Api.Limits;

/// <summary>Requests per window: per API key for clients and operators, per remote address without a valid key.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(10);

    [Range(1, 1_000_000)]
    public int ClientPermitLimit { get; set; } = 100;

    [Range(1, 1_000_000)]
    public int OperatorPermitLimit { get; set; } = 500;

    /// <summary>Requests without a valid key (health probes, the API document, wrong keys), per remote address.</summary>
    [Range(1, 1_000_000)]
    public int AnonymousPermitLimit { get; set; } = 50;
}
