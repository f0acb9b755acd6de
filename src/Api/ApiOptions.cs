using System.ComponentModel.DataAnnotations;

namespace Backend.Api;

public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>
    /// The largest request body read, in bytes: the one body limit, held by the API's own check and by Kestrel's.
    /// The largest valid order (100 lines, every address field full) is well under 16 KiB; anything far beyond is
    /// refused before it is read whole or deserialized.
    /// </summary>
    [Range(1024, 16 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>All request headers together, in bytes (Kestrel answers 431 beyond it).</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxRequestHeadersBytes { get; set; } = 16 * 1024;

    /// <summary>The request line (method, path and query), in bytes (Kestrel answers 414 beyond it).</summary>
    [Range(256, 64 * 1024)]
    public int MaxRequestLineBytes { get; set; } = 4 * 1024;
}
