using Google.Protobuf;
using Npgsql;
using NpgsqlTypes;
using Summaries.Contracts.Summary.V1;
using Summaries.ServiceDefaults.Storage;

namespace Summaries.Summary.Storage.Postgres;

/// <summary>
/// Briefings in PostgreSQL, shared by every replica of the summary service. A save is one
/// statement (briefing, its articles and its cache entry together); two replicas caching the same
/// request at once both store their briefing, and the cache keeps the later one.
/// </summary>
public sealed class PostgresBriefingStore(string connectionString) : IBriefingStore
{
    private readonly NpgsqlDataSource _dataSource = StoreConnection.CreatePostgresDataSource(connectionString);

    public string Description => StoreConnection.DescribePostgres("briefing store", connectionString);

    public async Task<SchemaVersion> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await PostgresMigrator.ApplyAsync(
            connection, PostgresBriefingSchema.HistoryTable, PostgresBriefingSchema.MigrationLockClass, PostgresBriefingSchema.Migrations, cancellationToken);
    }

    public async Task<Briefing?> FindCachedAsync(string cacheKey, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT b.payload FROM briefing_cache c JOIN briefings b ON b.id = c.briefing_id WHERE c.cache_key = @k");
        command.Parameters.AddWithValue("k", cacheKey);
        return await command.ExecuteScalarAsync(cancellationToken) is byte[] payload ? Briefing.Parser.ParseFrom(payload) : null;
    }

    public async Task SaveAsync(string id, Briefing briefing, string? cacheKey, CancellationToken cancellationToken)
    {
        // Foreign keys are checked at the end of the statement, after every part has inserted.
        await using var command = _dataSource.CreateCommand($"""
            WITH b AS (INSERT INTO briefings (id, create_time, payload) VALUES (@id, @time, @payload) RETURNING seq),
                 a AS (INSERT INTO briefing_articles (briefing_seq, article_name) SELECT b.seq, x FROM b, unnest(@articles) AS x)
            {(cacheKey is null
                ? "SELECT 1"
                : "INSERT INTO briefing_cache (cache_key, briefing_id) VALUES (@k, @id) ON CONFLICT (cache_key) DO UPDATE SET briefing_id = excluded.briefing_id")}
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("time", NpgsqlDbType.TimestampTz, briefing.CreateTime.ToDateTime());
        command.Parameters.AddWithValue("payload", briefing.ToByteArray());
        command.Parameters.AddWithValue("articles", briefing.ArticleNames.Distinct(StringComparer.Ordinal).ToArray());
        if (cacheKey is not null)
        {
            command.Parameters.AddWithValue("k", cacheKey);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<Briefing?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT payload FROM briefings WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteScalarAsync(cancellationToken) is byte[] payload ? Briefing.Parser.ParseFrom(payload) : null;
    }

    public async Task<BriefingPage> ListAsync(int pageSize, long? before, string? articleName, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand();
        var where = new List<string>();
        if (before is not null)
        {
            where.Add("b.seq < @before");
            command.Parameters.AddWithValue("before", before.Value);
        }

        if (articleName is not null)
        {
            where.Add("EXISTS (SELECT 1 FROM briefing_articles a WHERE a.briefing_seq = b.seq AND a.article_name = @article)");
            command.Parameters.AddWithValue("article", articleName);
        }

        command.CommandText = "SELECT b.seq, b.payload FROM briefings b"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : string.Empty)
            + " ORDER BY b.seq DESC LIMIT @limit";
        command.Parameters.AddWithValue("limit", pageSize + 1);

        var items = new List<(long Seq, Briefing Briefing)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add((reader.GetInt64(0), Briefing.Parser.ParseFrom(reader.GetFieldValue<byte[]>(1))));
        }

        return BriefingPages.From(items, pageSize);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
