using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Options;
using Summaries.ServiceDefaults.Storage;

namespace Summaries.Ingestion.Storage.Sqlite;

/// <summary>The service's SQLite file: opens connections and brings the schema up to date.</summary>
public sealed class SqliteDatabase : IArticleStoreMigrator
{
    private readonly string _connectionString;
    private readonly string _connectionPragmas;
    private readonly ArticleTextAnalyzer _analyzer;

    public SqliteDatabase(
        IOptions<StorageOptions> options, IOptions<StorageTuningOptions> tuning, ArticleTextAnalyzer analyzer)
    {
        var builder = new SqliteConnectionStringBuilder(options.Value.Ingestion);
        var isMemory = builder.Mode == SqliteOpenMode.Memory || builder.DataSource == ":memory:";
        if (!isMemory)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource);
        }

        _connectionString = builder.ToString();
        // Writers queue behind each other for up to 5 s instead of failing with SQLITE_BUSY. The page cache
        // of each pooled connection is bounded by Ingestion:Storage:SqliteCacheMiB (band keys go into their
        // index in key-ordered batches, so it no longer needs to hold that index).
        // Statement journals in memory: every statement of a group insert keeps one (it might have to be
        // undone alone), and on a temp file that was a write() per page it touched (a third of all
        // write calls); they are discarded at the end of the statement either way. A checkpoint every
        // 8,192 WAL pages (32 MB) instead of 1,000: a page rewritten by many commits in between (index
        // pages, the annotation table) is copied to the database file once, and fsynced less often.
        _connectionPragmas = $"PRAGMA busy_timeout = 5000; PRAGMA cache_size = -{tuning.Value.SqliteCacheMiB * 1024}; PRAGMA temp_store = MEMORY; "
            + "PRAGMA wal_autocheckpoint = 8192; "
            + $"PRAGMA synchronous = {tuning.Value.SqliteSynchronous.ToString().ToUpperInvariant()};";
        _analyzer = analyzer;
        DataSource = builder.DataSource;
    }

    /// <summary>Full path of the database file.</summary>
    public string DataSource { get; }

    /// <summary>Creates the folder and file if needed, switches to WAL and applies pending migrations in one transaction.</summary>
    public string Description => "SQLite article store " + DataSource;

    public async Task<SchemaVersion> MigrateAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(DataSource);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var version = Convert.ToInt32(await ScalarAsync(connection, transaction, "PRAGMA user_version;", cancellationToken), CultureInfo.InvariantCulture);
        var migrations = SqliteSchema.Migrations;
        if (version > migrations.Count)
        {
            throw new InvalidOperationException(
                $"{DataSource} has schema version {version}, newer than this build knows ({migrations.Count}).");
        }

        for (var i = version; i < migrations.Count; i++)
        {
            await ExecuteAsync(connection, transaction, migrations[i].Sql, cancellationToken);
            if (migrations[i].Code is { } code)
            {
                await code(connection, transaction, _analyzer, cancellationToken);
            }

            await ExecuteAsync(connection, transaction, $"PRAGMA user_version = {i + 1};", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new SchemaVersion(migrations.Count, migrations.Count - version);
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, null, _connectionPragmas, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    internal static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
