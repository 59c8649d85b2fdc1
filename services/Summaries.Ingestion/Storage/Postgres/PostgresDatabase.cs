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
public sealed class PostgresDatabase : IArticleStoreMigrator, IAsyncDisposable, IDisposable
{
    // pg_advisory_xact_lock(class, hashtext(current_schema())): one lock per schema, per purpose.
    internal const int MigrationLockClass = 0x5EED_0001;
    internal const int InsertLockClass = 0x5EED_0002;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _connectionString;

    public PostgresDatabase(IOptions<StorageOptions> options)
    {
        _dataSource = StoreConnection.CreatePostgresDataSource(options.Value.Ingestion);
        _connectionString = options.Value.Ingestion;
    }

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) =>
        _dataSource.OpenConnectionAsync(cancellationToken);

    public string Description => StoreConnection.DescribePostgres("article store", _connectionString);

    public async Task<SchemaVersion> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await PostgresSchema.Plan.ApplyAsync(connection, cancellationToken);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();
}
