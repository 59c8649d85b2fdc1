using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Summaries.Ingestion.Options;

namespace Summaries.Ingestion.Storage;

/// <summary>The service's one SQLite file: opens connections and brings the schema up to date.</summary>
public sealed partial class ArticleDatabase
{
    private readonly string _connectionString;
    private readonly ILogger<ArticleDatabase> _logger;

    public ArticleDatabase(IOptions<StorageOptions> options, ILogger<ArticleDatabase> logger)
    {
        var builder = new SqliteConnectionStringBuilder(options.Value.Ingestion);
        var isMemory = builder.Mode == SqliteOpenMode.Memory || builder.DataSource == ":memory:";
        if (!isMemory)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource);
        }

        _connectionString = builder.ToString();
        _logger = logger;
        DataSource = builder.DataSource;
    }

    /// <summary>Full path of the database file.</summary>
    public string DataSource { get; }

    /// <summary>Creates the folder and file if needed, switches to WAL and applies pending migrations.</summary>
    public void Migrate()
    {
        var directory = Path.GetDirectoryName(DataSource);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using var connection = Open();
        Execute(connection, null, "PRAGMA journal_mode = WAL;");
        using var transaction = connection.BeginTransaction();
        var version = Convert.ToInt32(Scalar(connection, transaction, "PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture);
        var migrations = ArticleSchema.Migrations;
        if (version > migrations.Count)
        {
            throw new InvalidOperationException(
                $"{DataSource} has schema version {version}, newer than this build knows ({migrations.Count}).");
        }

        for (var i = version; i < migrations.Count; i++)
        {
            Execute(connection, transaction, migrations[i]);
            Execute(connection, transaction, $"PRAGMA user_version = {i + 1};");
        }

        transaction.Commit();
        LogReady(_logger, DataSource, migrations.Count, migrations.Count - version);
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = ConnectionPragmas;
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // Writers queue behind each other for up to 5 s instead of failing with SQLITE_BUSY.
    private const string ConnectionPragmas = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, null, ConnectionPragmas);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Article store {DataSource} ready at schema v{Version} ({Applied} migrations applied)")]
    private static partial void LogReady(ILogger logger, string dataSource, int version, int applied);
}
