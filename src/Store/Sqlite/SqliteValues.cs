using System.Globalization;

namespace Backend.Store.Sqlite;

/// <summary>Column formats: fixed-width UTC text for instants so they sort as text, invariant text for money.</summary>
internal static class SqliteValues
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>At store precision, so a cutoff compares as it would on MongoDB.</summary>
    public static string Instant(DateTimeOffset value) =>
        StoredInstant.Of(value).UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    public static object InstantOrNull(DateTimeOffset? value) => value is { } instant ? Instant(instant) : DBNull.Value;

    public static DateTimeOffset ParseInstant(string value) =>
        DateTimeOffset.ParseExact(value, InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string Money(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static decimal ParseMoney(string value) => decimal.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture);

    public static string Id(Guid id) => id.ToString("D");
}
