using System.Text.RegularExpressions;

namespace Backend.Domain.Catalog;

public static partial class Sku
{
    // \z, not $: $ also matches before a final "\n", which would let "ABC\n" through as a SKU.
    public const string Pattern = @"^[A-Z0-9-]{1,32}\z";

    /// <summary>The pattern as documented for other systems.</summary>
    public const string Description = "[A-Z0-9-]{1,32}";

    public static bool IsValid(string? value) => value is not null && SkuRegex().IsMatch(value);

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex SkuRegex();
}
