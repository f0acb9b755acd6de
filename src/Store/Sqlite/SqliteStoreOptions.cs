using System.ComponentModel.DataAnnotations;

namespace Backend.Store.Sqlite;

/// <summary>Section <c>Store:Sqlite</c>.</summary>
public sealed class SqliteStoreOptions
{
    public const string SectionName = "Store:Sqlite";

    /// <summary>The database file; a relative path is taken from the solution folder (<see cref="SqlitePath"/>).</summary>
    [Required]
    public string Path { get; set; } = "data/backend.db";

    /// <summary>How long a connection waits for another writer, in any process, before it reports busy.</summary>
    [Range(0, 600_000)]
    public int BusyTimeoutMilliseconds { get; set; } = 5000;
}
