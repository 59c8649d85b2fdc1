using Microsoft.Extensions.Options;
using Npgsql;
using Summaries.Ingestion.Options;

namespace Summaries.Ingestion.Storage.Postgres;

/// <summary>
/// The PostgreSQL database: a pooled data source, and the versioned migrations (table
/// <c>schema_migrations</c>) applied at start under an advisory lock, so instances starting together
/// migrate once. Tables live in the connection's first search-path schema (<c>Search Path=…</c>).
/// </summary>
public sealed partial class PostgresDatabase : IArticleStoreMigrator, IAsyncDisposable, IDisposable
{
    // pg_advisory_xact_lock(class, hashtext(current_schema())): one lock per schema, per purpose.
    internal const int MigrationLockClass = 0x5EED_0001;
    internal const int InsertLockClass = 0x5EED_0002;

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<PostgresDatabase> _logger;

    public PostgresDatabase(IOptions<StorageOptions> options, ILogger<PostgresDatabase> logger)
    {
        _dataSource = NpgsqlDataSource.Create(options.Value.Ingestion);
        _logger = logger;
    }

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) =>
        _dataSource.OpenConnectionAsync(cancellationToken);

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var prepare = new NpgsqlCommand(
            $"""
            SELECT pg_advisory_xact_lock({MigrationLockClass}, hashtext(current_schema()));
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer PRIMARY KEY,
                description text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now());
            """, connection, transaction))
        {
            await prepare.ExecuteNonQueryAsync(cancellationToken);
        }

        int version;
        await using (var current = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", connection, transaction))
        {
            version = Convert.ToInt32(await current.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        var migrations = PostgresSchema.Migrations;
        if (version > migrations.Count)
        {
            throw new InvalidOperationException($"The database has schema version {version}, newer than this build knows ({migrations.Count}).");
        }

        for (var i = version; i < migrations.Count; i++)
        {
            await using var step = new NpgsqlCommand(migrations[i].Sql, connection, transaction);
            await step.ExecuteNonQueryAsync(cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, description) VALUES (@version, @description)", connection, transaction);
            record.Parameters.AddWithValue("version", i + 1);
            record.Parameters.AddWithValue("description", migrations[i].Description);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        LogReady(_logger, connection.Database, connection.Host ?? "?", migrations.Count, migrations.Count - version);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL article store {Database} on {Host} ready at schema v{Version} ({Applied} migrations applied)")]
    private static partial void LogReady(ILogger logger, string database, string host, int version, int applied);
}
