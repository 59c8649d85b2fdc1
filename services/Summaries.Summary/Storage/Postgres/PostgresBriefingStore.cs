using Npgsql;
using NpgsqlTypes;
using Summaries.ServiceDefaults.Storage;
using Summaries.Summary.Briefings;

namespace Summaries.Summary.Storage.Postgres;

/// <summary>
/// Briefings in PostgreSQL, shared by every replica of the summary service. A save is one
/// statement (briefing, its articles and its cache entry together); two replicas caching the same
/// request at once both store their briefing, and the cache keeps the later one.
/// </summary>
public sealed class PostgresBriefingStore(string connectionString, IBriefingWireCodec wire) : IBriefingStore
{
    private const int CarryBatch = 100;

    private readonly NpgsqlDataSource _dataSource = StoreConnection.CreatePostgresDataSource(connectionString);

    public string Description => StoreConnection.DescribePostgres("briefing store", connectionString);

    public async Task<SchemaVersion> MigrateAsync(CancellationToken cancellationToken)
    {
        SchemaVersion version;
        await using (var connection = await _dataSource.OpenConnectionAsync(cancellationToken))
        {
            version = await PostgresBriefingSchema.Plan.ApplyAsync(connection, cancellationToken);
        }

        await CarryWireRowsAsync(cancellationToken);
        return version;
    }

    /// <summary>
    /// Gives the rows of earlier releases their document, a batch per transaction. SKIP LOCKED lets
    /// replicas starting together share the rows instead of waiting on each other.
    /// </summary>
    private async Task CarryWireRowsAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            var rows = new List<(long Seq, byte[] Payload)>();
            await using (var select = new NpgsqlCommand(
                "SELECT seq, payload FROM briefings WHERE document IS NULL ORDER BY seq LIMIT @limit FOR UPDATE SKIP LOCKED", connection, tx))
            {
                select.Parameters.AddWithValue("limit", CarryBatch);
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add((reader.GetInt64(0), reader.GetFieldValue<byte[]>(1)));
                }
            }

            if (rows.Count > 0)
            {
                await using var update = new NpgsqlCommand(
                    "UPDATE briefings b SET document = r.document::jsonb FROM unnest(@seqs, @documents) AS r (seq, document) WHERE b.seq = r.seq",
                    connection, tx);
                update.Parameters.AddWithValue("seqs", rows.Select(r => r.Seq).ToArray());
                update.Parameters.AddWithValue("documents", rows.Select(r => BriefingDocument.Encode(wire.Decode(r.Payload))).ToArray());
                await update.ExecuteNonQueryAsync(cancellationToken);
            }

            await tx.CommitAsync(cancellationToken);
            if (rows.Count < CarryBatch)
            {
                return;
            }
        }
    }

    public async Task<Briefing?> FindCachedAsync(string cacheKey, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT b.document::text, b.payload FROM briefing_cache c JOIN briefings b ON b.id = c.briefing_id WHERE c.cache_key = @k");
        command.Parameters.AddWithValue("k", cacheKey);
        return await ReadOneAsync(command, cancellationToken);
    }

    public async Task SaveAsync(string id, Briefing briefing, string? cacheKey, CancellationToken cancellationToken)
    {
        // Foreign keys are checked at the end of the statement, after every part has inserted.
        await using var command = _dataSource.CreateCommand($"""
            WITH b AS (INSERT INTO briefings (id, create_time, payload, document) VALUES (@id, @time, @payload, @document) RETURNING seq),
                 a AS (INSERT INTO briefing_articles (briefing_seq, article_name) SELECT b.seq, x FROM b, unnest(@articles) AS x)
            {(cacheKey is null
                ? "SELECT 1"
                : "INSERT INTO briefing_cache (cache_key, briefing_id) VALUES (@k, @id) ON CONFLICT (cache_key) DO UPDATE SET briefing_id = excluded.briefing_id")}
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("time", NpgsqlDbType.TimestampTz, briefing.CreateTime.UtcDateTime);
        command.Parameters.AddWithValue("payload", wire.Encode(briefing));
        command.Parameters.AddWithValue("document", NpgsqlDbType.Jsonb, BriefingDocument.Encode(briefing));
        command.Parameters.AddWithValue("articles", briefing.ArticleNames.Distinct(StringComparer.Ordinal).ToArray());
        if (cacheKey is not null)
        {
            command.Parameters.AddWithValue("k", cacheKey);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<Briefing?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT document::text, payload FROM briefings WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        return await ReadOneAsync(command, cancellationToken);
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

        command.CommandText = "SELECT b.seq, b.document::text, b.payload FROM briefings b"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : string.Empty)
            + " ORDER BY b.seq DESC LIMIT @limit";
        command.Parameters.AddWithValue("limit", pageSize + 1);

        var items = new List<(long Seq, Briefing Briefing)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add((reader.GetInt64(0), Read(reader, 1)));
        }

        return BriefingPages.From(items, pageSize);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>The briefing in the first row of (document, payload), or null when there is none.</summary>
    private async Task<Briefing?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader, 0) : null;
    }

    private Briefing Read(NpgsqlDataReader reader, int documentColumn) => BriefingDocument.Read(
        reader.IsDBNull(documentColumn) ? null : reader.GetString(documentColumn), reader.GetFieldValue<byte[]>(documentColumn + 1), wire);
}
