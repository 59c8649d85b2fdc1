using Google.Protobuf;
using Microsoft.Data.Sqlite;
using Summaries.ServiceDefaults.Storage;
using Summaries.Contracts.Summary.V1;

namespace Summaries.Summary.Storage;

/// <summary>A page of stored briefings and the sequence to continue after.</summary>
public sealed record BriefingPage(IReadOnlyList<Briefing> Briefings, long? NextAfter);

/// <summary>Stores briefings in this service's own SQLite file.</summary>
public sealed class SqliteBriefingStore
{
    private readonly SqliteFile _file;

    public SqliteBriefingStore(string connectionString)
    {
        _file = new SqliteFile(connectionString);
        _file.Migrate("""
            CREATE TABLE IF NOT EXISTS briefings (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                id TEXT NOT NULL UNIQUE,
                create_time TEXT NOT NULL,
                payload BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS briefing_articles (
                briefing_seq INTEGER NOT NULL REFERENCES briefings(seq) ON DELETE CASCADE,
                article_name TEXT NOT NULL,
                PRIMARY KEY (briefing_seq, article_name));
            CREATE INDEX IF NOT EXISTS ix_briefing_articles_article ON briefing_articles(article_name);
            CREATE TABLE IF NOT EXISTS briefing_cache (
                cache_key TEXT PRIMARY KEY,
                briefing_id TEXT NOT NULL REFERENCES briefings(id) ON DELETE CASCADE);
            """);
    }

    /// <summary>The briefing stored under a cache key, if any.</summary>
    public async Task<Briefing?> FindCachedAsync(string cacheKey, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT b.payload FROM briefing_cache c JOIN briefings b ON b.id = c.briefing_id WHERE c.cache_key = $k";
        command.Parameters.AddWithValue("$k", cacheKey);
        var payload = await command.ExecuteScalarAsync(cancellationToken) as byte[];
        return payload is null ? null : Briefing.Parser.ParseFrom(payload);
    }

    /// <summary>Stores a briefing; with a cache key, later identical requests are answered from it.</summary>
    public async Task SaveAsync(string id, Briefing briefing, string? cacheKey, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO briefings (id, create_time, payload) VALUES ($id, $time, $payload) RETURNING seq";
        insert.Parameters.AddWithValue("$id", id);
        insert.Parameters.AddWithValue("$time", briefing.CreateTime.ToDateTimeOffset().ToString("O"));
        insert.Parameters.AddWithValue("$payload", briefing.ToByteArray());
        var seq = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        foreach (var article in briefing.ArticleNames.Distinct(StringComparer.Ordinal))
        {
            await using var link = connection.CreateCommand();
            link.Transaction = tx;
            link.CommandText = "INSERT INTO briefing_articles (briefing_seq, article_name) VALUES ($seq, $article)";
            link.Parameters.AddWithValue("$seq", seq);
            link.Parameters.AddWithValue("$article", article);
            await link.ExecuteNonQueryAsync(cancellationToken);
        }

        if (cacheKey is not null)
        {
            await using var cache = connection.CreateCommand();
            cache.Transaction = tx;
            cache.CommandText = "INSERT INTO briefing_cache (cache_key, briefing_id) VALUES ($k, $id) ON CONFLICT(cache_key) DO UPDATE SET briefing_id = excluded.briefing_id";
            cache.Parameters.AddWithValue("$k", cacheKey);
            cache.Parameters.AddWithValue("$id", id);
            await cache.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
    }

    public async Task<Briefing?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM briefings WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        var payload = await command.ExecuteScalarAsync(cancellationToken) as byte[];
        return payload is null ? null : Briefing.Parser.ParseFrom(payload);
    }

    /// <summary>Newest first, keyset-paginated on the insertion sequence.</summary>
    public async Task<BriefingPage> ListAsync(int pageSize, long? before, string? articleName, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        var where = new List<string>();
        if (before is not null)
        {
            where.Add("b.seq < $before");
            command.Parameters.AddWithValue("$before", before.Value);
        }

        if (articleName is not null)
        {
            where.Add("EXISTS (SELECT 1 FROM briefing_articles a WHERE a.briefing_seq = b.seq AND a.article_name = $article)");
            command.Parameters.AddWithValue("$article", articleName);
        }

        command.CommandText = "SELECT b.seq, b.payload FROM briefings b"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : string.Empty)
            + " ORDER BY b.seq DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", pageSize + 1);

        var items = new List<(long Seq, Briefing Briefing)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add((reader.GetInt64(0), Briefing.Parser.ParseFrom((byte[])reader[1])));
        }

        var hasMore = items.Count > pageSize;
        var page = items.Take(pageSize).ToList();
        return new BriefingPage(page.Select(i => i.Briefing).ToList(), hasMore ? page[^1].Seq : null);
    }

    private SqliteConnection Open() => _file.Open();
}
