using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Summaries.ServiceDefaults.Storage;

/// <summary>
/// One service's own SQLite database file: its folder is created on first use, and every
/// connection enforces foreign keys and waits (rather than fails) while another writer holds the lock.
/// </summary>
public sealed class SqliteFile
{
    // One writer gate per file in this process, shared by every SqliteFile opened on it.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> WriteGates = new(StringComparer.Ordinal);

    private readonly string _connectionString;

    public SqliteFile(string connectionString)
    {
        if (StoreConnection.KindOf(connectionString) == StoreKind.Postgres)
        {
            // The service picks its PostgreSQL store for such a string; reaching here is a wiring
            // mistake, better reported at start than later as "keyword not supported".
            throw new InvalidOperationException(
                "A SQLite store opens SQLite only; 'Host=…' connection strings select the PostgreSQL store.");
        }

        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode != SqliteOpenMode.Memory && builder.DataSource != ":memory:")
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource);
            var directory = Path.GetDirectoryName(builder.DataSource);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        DataSource = builder.DataSource;
        _connectionString = builder.ToString();
    }

    /// <summary>Full path of the database file.</summary>
    public string DataSource { get; }

    /// <summary>
    /// Waits, without holding a thread, until no other writer of this process is inside this file,
    /// and lets the caller in until the returned handle is disposed. SQLite takes one writer at a
    /// time anyway; without the gate the others wait in SQLite's busy handler, each blocking a
    /// thread-pool thread (up to the busy timeout), and under load the whole service stalls.
    /// Other processes writing the same file are still kept out by SQLite's own lock.
    /// </summary>
    public async Task<IDisposable> EnterWriteAsync(CancellationToken cancellationToken)
    {
        var gate = WriteGates.GetOrAdd(DataSource, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new WriteHandle(gate);
    }

    /// <summary>
    /// Switches to write-ahead logging and applies the steps not yet applied (<c>PRAGMA user_version</c>
    /// counts them) in one write transaction: processes starting together migrate one after another,
    /// and the later ones find nothing to do. Append new steps; never edit one that has shipped.
    /// </summary>
    public SchemaVersion Migrate(IReadOnlyList<string> steps)
    {
        using var connection = Open();
        Execute(connection, null, "PRAGMA journal_mode = WAL;");
        // BEGIN IMMEDIATE: the write lock is taken before user_version is read.
        using var transaction = connection.BeginTransaction(deferred: false);
        var version = Convert.ToInt32(Scalar(connection, transaction, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
        if (version > steps.Count)
        {
            throw new InvalidOperationException(
                $"{DataSource} has schema version {version}, newer than this build knows ({steps.Count}).");
        }

        for (var i = version; i < steps.Count; i++)
        {
            Execute(connection, transaction, steps[i]);
            Execute(connection, transaction, $"PRAGMA user_version = {i + 1};");
        }

        transaction.Commit();
        return new SchemaVersion(steps.Count, steps.Count - version);
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, null, "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private sealed class WriteHandle(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
