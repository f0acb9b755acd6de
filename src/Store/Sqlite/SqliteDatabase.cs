using System.Runtime.CompilerServices;

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using SQLitePCL;

namespace Backend.Store.Sqlite;

/// <summary>
/// The SQLite file shared by every store instance and process on this machine: WAL so readers never block the
/// writer, a busy timeout so writers of other processes queue for the lock, an in-memory gate so this process's
/// writers queue before it (<see cref="SqliteStoreOptions.WriteGate"/>), and BEGIN IMMEDIATE so a write transaction
/// takes the lock before it reads, which is what keeps read-check-write sequences like reservations from
/// overselling. Commits sync as <see cref="SqliteStoreOptions.Synchronous"/> says.
/// </summary>
internal sealed class SqliteDatabase : IStoreInitializer
{
    public const string System = "sqlite";
    private const int MaxAttempts = 5;

    private readonly InitializeOnce initialization = new();
    private readonly ILogger<SqliteDatabase> logger;
    private readonly TimeProvider time;
    private readonly string connectionPragmas;
    private readonly SemaphoreSlim? writeGate;
    private readonly ConditionalWeakTable<sqlite3, object> configured = [];

    public SqliteDatabase(
        IOptions<SqliteStoreOptions> options, IHostEnvironment environment, TimeProvider time, ILogger<SqliteDatabase> logger)
    {
        this.logger = logger;
        this.time = time;
        connectionPragmas = $"PRAGMA busy_timeout = {options.Value.BusyTimeoutMilliseconds}; " +
            $"PRAGMA synchronous = {options.Value.Synchronous.ToString().ToUpperInvariant()};";
        writeGate = options.Value.WriteGate ? new SemaphoreSlim(1, 1) : null;
        FilePath = SqlitePath.Resolve(options.Value.Path, environment.ContentRootPath);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
    }

    public string FilePath { get; }

    public string ConnectionString { get; }

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        initialization.RunAsync(CreateSchemaAsync, cancellationToken);

    /// <summary>Runs <paramref name="work"/> (reads only) on an open connection, traced, retried as a whole while the file is busy.</summary>
    public Task<T> UseConnectionAsync<T>(string operation, Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken) =>
        UseAsync(operation, work, write: false, cancellationToken);

    /// <summary>As <see cref="UseConnectionAsync{T}"/>, for work that writes: it waits its turn at the write gate.</summary>
    public Task<T> UseWriteAsync<T>(string operation, Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken) =>
        UseAsync(operation, work, write: true, cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one write transaction, committed when it returns.</summary>
    public Task<T> UseTransactionAsync<T>(
        string operation, Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        UseWriteAsync(operation, async connection =>
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }, cancellationToken);

    private Task<T> UseAsync<T>(string operation, Func<SqliteConnection, Task<T>> work, bool write, CancellationToken cancellationToken) =>
        StoreTelemetry.TraceAsync(System, operation, async () =>
        {
            await InitializeAsync(cancellationToken);
            return await WithRetryAsync(operation, async () =>
            {
                var gate = write ? writeGate : null;
                if (gate is not null)
                {
                    await gate.WaitAsync(cancellationToken);
                }

                try
                {
                    await using var connection = await OpenAsync(cancellationToken);
                    return await work(connection);
                }
                finally
                {
                    gate?.Release();
                }
            }, cancellationToken);
        });

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // The pool keeps the native connection open between uses, and these settings stay with it: running them
            // at every open would cost two statements per store call.
            var handle = connection.Handle!;
            if (!configured.TryGetValue(handle, out _))
            {
                await connection.ExecuteAsync(connectionPragmas, cancellationToken);
                configured.AddOrUpdate(handle, handle);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task<T> WithRetryAsync<T>(string operation, Func<Task<T>> attempt, CancellationToken cancellationToken)
    {
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt();
            }
            catch (SqliteException exception) when (IsBusy(exception) && number < MaxAttempts)
            {
                Log.SqliteBusyRetry(logger, operation, number);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(20, 100) * number), cancellationToken);
            }
        }
    }

    private static bool IsBusy(SqliteException exception) =>
        exception.SqliteErrorCode is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED;

    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await WithRetryAsync("initialize", async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            // WAL is a property of the file, so setting it once per start is enough for every later connection.
            var journalMode = Convert.ToString(await connection.ScalarAsync("PRAGMA journal_mode = WAL;", cancellationToken)) ?? "";
            await using var transaction = connection.BeginTransaction(deferred: false);
            foreach (var statement in SqliteSchema.Statements)
            {
                await connection.ExecuteAsync(statement, cancellationToken, transaction);
            }

            foreach (var added in SqliteSchema.AddedColumns)
            {
                if (await connection.ScalarAsync(
                    "SELECT 1 FROM pragma_table_info(@table) WHERE name = @column", cancellationToken, transaction,
                    ("@table", added.Table), ("@column", added.Column)) is null)
                {
                    await connection.ExecuteAsync(
                        $"ALTER TABLE {added.Table} ADD COLUMN {added.Column} {added.Definition}", cancellationToken, transaction);
                    if (added.Backfill is { } backfill)
                    {
                        await connection.ExecuteAsync(
                            backfill, cancellationToken, transaction, ("@now", SqliteValues.Instant(time.GetUtcNow())));
                    }
                }
            }

            foreach (var statement in SqliteSchema.AfterAddedColumns)
            {
                await connection.ExecuteAsync(statement, cancellationToken, transaction);
            }

            await transaction.CommitAsync(cancellationToken);
            Log.SqliteStoreInitialized(logger, FilePath, journalMode);
            return true;
        }, cancellationToken);
    }
}
