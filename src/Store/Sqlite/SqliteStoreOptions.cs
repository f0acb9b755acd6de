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

    /// <summary>
    /// When a commit waits for the disk. <see cref="SqliteSynchronous.Normal"/> (with the WAL journal every store
    /// file has) syncs the log at checkpoints only: a crash of the process loses nothing committed, a power loss or
    /// an operating-system crash can lose the last commits. <see cref="SqliteSynchronous.Full"/> syncs every commit.
    /// </summary>
    public SqliteSynchronous Synchronous { get; set; } = SqliteSynchronous.Normal;

    /// <summary>
    /// Writers of this process take turns in memory before they ask SQLite for the write lock, instead of polling
    /// for it in SQLite's busy handler, whose sleeps grow to 100 ms. Other processes still meet at the lock.
    /// </summary>
    public bool WriteGate { get; set; } = true;
}

/// <summary>SQLite's <c>PRAGMA synchronous</c> levels that keep a store file intact.</summary>
public enum SqliteSynchronous
{
    Normal,
    Full,
}
