using System.ComponentModel.DataAnnotations;

namespace Backend.Store;

/// <summary>Section <c>Store</c>: which adapter backs the order and product stores.</summary>
public sealed class StoreOptions
{
    public const string SectionName = "Store";
    public const string Sqlite = nameof(Sqlite);
    public const string Mongo = nameof(Mongo);

    [Required]
    public string Provider { get; set; } = Sqlite;

    public bool UsesMongo => string.Equals(Provider, Mongo, StringComparison.OrdinalIgnoreCase);

    public bool UsesSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);
}
