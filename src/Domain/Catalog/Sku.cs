using System.Text.RegularExpressions;

namespace Backend.Domain.Catalog;

public static partial class Sku
{
    public const string Pattern = "^[A-Z0-9-]{1,32}$";

    public static bool IsValid(string? value) => value is not null && SkuRegex().IsMatch(value);

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex SkuRegex();
}
