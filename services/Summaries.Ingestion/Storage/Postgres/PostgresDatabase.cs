using Microsoft.Extensions.Options;
using Npgsql;
using Summaries.Ingestion.Options;
using Summaries.ServiceDefaults.Storage;

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
        _dataSource = StoreConnection.CreatePostgresDataSource(options.Value.Ingestion);
        _logger = logger;
    }

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) =>
        _dataSource.OpenConnectionAsync(cancellationToken);

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var version = await PostgresMigrator.ApplyAsync(connection, "schema_migrations", MigrationLockClass, PostgresSchema.Migrations, cancellationToken);
        LogReady(_logger, connection.Database, connection.Host ?? "?", version.Version, version.Applied);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL article store {Database} on {Host} ready at schema v{Version} ({Applied} migrations applied)")]
    private static partial void LogReady(ILogger logger, string database, string host, int version, int applied);
}
