using Microsoft.Data.Sqlite;
using Summaries.ServiceDefaults.Storage;
using Summaries.Summary.Briefings;

namespace Summaries.Summary.Storage.Sqlite;

/// <summary>Briefings in the summary service's own SQLite file.</summary>
public sealed class SqliteBriefingStore(string connectionString, IBriefingWireCodec wire) : IBriefingStore
{
    private const int CarryBatch = 100;

    private readonly SqliteFile _file = new(connectionString);

    public string Description => "SQLite briefing store " + _file.DataSource;

    public async Task<SchemaVersion> MigrateAsync(CancellationToken cancellationToken)
    {
        var version = _file.Migrate(SqliteBriefingSchema.Migrations);
        await CarryWireRowsAsync(cancellationToken);
        return version;
    }

    /// <summary>Gives the rows of earlier releases their document, a batch per write transaction.</summary>
    private async Task CarryWireRowsAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            using var writing = await _file.EnterWriteAsync(cancellationToken);
            await using var connection = _file.Open();
            await using var tx = connection.BeginTransaction(deferred: false);
            var rows = new List<(long Seq, byte[] Payload)>();
            await using (var select = connection.CreateCommand())
            {
                select.Transaction = tx;
                select.CommandText = "SELECT seq, payload FROM briefings WHERE document IS NULL ORDER BY seq LIMIT $limit";
                select.Parameters.AddWithValue("$limit", CarryBatch);
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add((reader.GetInt64(0), (byte[])reader[1]));
                }
            }

            foreach (var (seq, payload) in rows)
            {
                await using var update = connection.CreateCommand();
                update.Transaction = tx;
                update.CommandText = "UPDATE briefings SET document = $document WHERE seq = $seq";
                update.Parameters.AddWithValue("$document", BriefingDocument.Encode(wire.Decode(payload)));
                update.Parameters.AddWithValue("$seq", seq);
                await update.ExecuteNonQueryAsync(cancellationToken);
            }

            await tx.CommitAsync(cancellationToken);
            if (rows.Count < CarryBatch)
            {
                return;
            }
        }
    }

    public Task<Briefing?> FindCachedAsync(string cacheKey, CancellationToken cancellationToken) => ReadOneAsync(
        "SELECT b.document, b.payload FROM briefing_cache c JOIN briefings b ON b.id = c.briefing_id WHERE c.cache_key = $key",
        cacheKey, cancellationToken);

    public async Task SaveAsync(string id, Briefing briefing, string? cacheKey, CancellationToken cancellationToken)
    {
        using var writing = await _file.EnterWriteAsync(cancellationToken);
        await using var connection = _file.Open();
        await using var tx = connection.BeginTransaction(deferred: false);
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO briefings (id, create_time, payload, document) VALUES ($id, $time, $payload, $document) RETURNING seq";
        insert.Parameters.AddWithValue("$id", id);
        insert.Parameters.AddWithValue("$time", briefing.CreateTime.ToString("O"));
        insert.Parameters.AddWithValue("$payload", wire.Encode(briefing));
        insert.Parameters.AddWithValue("$document", BriefingDocument.Encode(briefing));
        var seq = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        foreach (var article in briefing.ArticleNames.Distinct(StringComparer.Ordinal))
        {
            await ExecuteAsync(tx, "INSERT INTO briefing_articles (briefing_seq, article_name) VALUES ($a, $b)", seq, article, cancellationToken);
        }

        if (cacheKey is not null)
        {
            await ExecuteAsync(
                tx, "INSERT INTO briefing_cache (cache_key, briefing_id) VALUES ($a, $b) ON CONFLICT(cache_key) DO UPDATE SET briefing_id = excluded.briefing_id",
                cacheKey, id, cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
    }

    public Task<Briefing?> GetAsync(string id, CancellationToken cancellationToken) =>
        ReadOneAsync("SELECT document, payload FROM briefings WHERE id = $key", id, cancellationToken);

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

        command.CommandText = "SELECT b.seq, b.document, b.payload FROM briefings b"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : string.Empty)
            + " ORDER BY b.seq DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", pageSize + 1);

        var items = new List<(long Seq, Briefing Briefing)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add((reader.GetInt64(0), Read(reader, 1)));
        }

        return BriefingPages.From(items, pageSize);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Runs <paramref name="sql"/> in <paramref name="tx"/> with <c>$a</c> and <c>$b</c> bound.</summary>
    private static async Task ExecuteAsync(SqliteTransaction tx, string sql, object a, object b, CancellationToken cancellationToken)
    {
        await using var command = tx.Connection!.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$a", a);
        command.Parameters.AddWithValue("$b", b);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The briefing in the first row of (document, payload) that <paramref name="sql"/> selects with
    /// <c>$key</c> bound to <paramref name="key"/>, or null when there is none.
    /// </summary>
    private async Task<Briefing?> ReadOneAsync(string sql, string key, CancellationToken cancellationToken)
    {
        await using var connection = _file.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader, 0) : null;
    }

    private Briefing Read(SqliteDataReader reader, int documentColumn) => BriefingDocument.Read(
        reader.IsDBNull(documentColumn) ? null : reader.GetString(documentColumn), (byte[])reader[documentColumn + 1], wire);
}
