using Google.Protobuf;
using Microsoft.Data.Sqlite;
using Summaries.Contracts.Summary.V1;
using Summaries.ServiceDefaults.Storage;

namespace Summaries.Summary.Storage.Sqlite;

/// <summary>Briefings in the summary service's own SQLite file.</summary>
public sealed class SqliteBriefingStore(string connectionString) : IBriefingStore
{
    private readonly SqliteFile _file = new(connectionString);

    public string Description => "SQLite briefing store " + _file.DataSource;

    public Task<SchemaVersion> MigrateAsync(CancellationToken cancellationToken) =>
        Task.FromResult(_file.Migrate(SqliteBriefingSchema.Migrations));

    public async Task<Briefing?> FindCachedAsync(string cacheKey, CancellationToken cancellationToken)
    {
        await using var connection = _file.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT b.payload FROM briefing_cache c JOIN briefings b ON b.id = c.briefing_id WHERE c.cache_key = $k";
        command.Parameters.AddWithValue("$k", cacheKey);
        var payload = await command.ExecuteScalarAsync(cancellationToken) as byte[];
        return payload is null ? null : Briefing.Parser.ParseFrom(payload);
    }

    public async Task SaveAsync(string id, Briefing briefing, string? cacheKey, CancellationToken cancellationToken)
    {
        using var writing = await _file.EnterWriteAsync(cancellationToken);
        await using var connection = _file.Open();
        await using var tx = connection.BeginTransaction(deferred: false);
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
        await using var connection = _file.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM briefings WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        var payload = await command.ExecuteScalarAsync(cancellationToken) as byte[];
        return payload is null ? null : Briefing.Parser.ParseFrom(payload);
    }

    public async Task<BriefingPage> ListAsync(int pageSize, long? before, string? articleName, CancellationToken cancellationToken)
    {
        await using var connection = _file.Open();
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

        return BriefingPages.From(items, pageSize);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
