namespace Backend.Api.Limits;

/// <summary>
/// The reverse proxies (HTTPS termination) whose X-Forwarded-For and X-Forwarded-Proto are believed. With none,
/// the headers are ignored, so a caller cannot pick the address its rate limit is counted against.
/// </summary>
public sealed class ProxyOptions
{
    public const string SectionName = "Proxy";

    /// <summary>Addresses of the proxies, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in CIDR notation, e.g. <c>172.18.0.0/16</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}
