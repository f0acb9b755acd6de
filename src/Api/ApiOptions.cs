using System.ComponentModel.DataAnnotations;

namespace Backend.Api;

public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>
    /// The largest request body read, in bytes. The largest valid order (100 lines, every address field full) is
    /// well under 16 KiB; anything far beyond is refused before it is read whole or deserialized.
    /// </summary>
    [Range(1024, 16 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;
}
