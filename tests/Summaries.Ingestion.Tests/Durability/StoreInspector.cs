using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Cleaning;
using Summaries.Ingestion.Duplicates;
using Summaries.Ingestion.Storage;
using Summaries.Ingestion.Storage.Sqlite;

namespace Summaries.Ingestion.Tests.Durability;

/// <summary>What the inspection found: how many rows, and every problem (empty when all is well).</summary>
public sealed record InspectionReport(int Rows, IReadOnlyList<string> Problems);

/// <summary>
/// Reads a store behind the service's back after a crash and checks that no row is half-written:
/// every column of every row is filled and consistent with the others (the cleaned body is the
/// cleaning of the body, the hash is the hash of the cleaned body), every original has all its band
/// keys, and no band key points at a missing row.
/// </summary>
public abstract class StoreInspector(string connectionString)
{
    protected string ConnectionString => connectionString;

    public async Task<InspectionReport> InspectAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await connection.OpenAsync(cancellationToken);
        var problems = new List<string>(await EngineChecksAsync(connection, cancellationToken));
        var rows = 0;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = RowsQuery;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows++;
                CheckRow(reader, problems);
            }
        }

        await using (var orphans = connection.CreateCommand())
        {
            orphans.CommandText = "SELECT COUNT(*) FROM article_bands b WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.seq = b.seq)";
            var count = Convert.ToInt64(await orphans.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            if (count != 0)
            {
                problems.Add($"{count} band keys belong to no article");
            }
        }

        return new InspectionReport(rows, problems);
    }

    /// <summary>
    /// Per article: id, title, body, cleaned_body, content_hash, story, duplicate_of, request_id, then
    /// how many band keys it has; a store may add columns that <see cref="ReadCleaned"/> reads.
    /// </summary>
    protected virtual string RowsQuery => """
        SELECT a.id, a.title, a.body, a.cleaned_body, a.content_hash, a.story, a.duplicate_of, a.request_id,
               (SELECT COUNT(*) FROM article_bands b WHERE b.seq = a.seq)
        FROM articles a
        """;

    /// <summary>The cleaned text of a row of <see cref="RowsQuery"/>.</summary>
    protected virtual string ReadCleaned(DbDataReader reader) => reader.GetString(3);

    protected abstract DbConnection Open();

    protected abstract Task<IReadOnlyList<string>> EngineChecksAsync(DbConnection connection, CancellationToken cancellationToken);

    private void CheckRow(DbDataReader r, List<string> problems)
    {
        var id = r.GetString(0);
        var (title, body, cleaned, hash, story, duplicateOf) = (r.GetString(1), r.GetString(2), ReadCleaned(r), r.GetString(4), r.GetString(5), r.GetString(6));
        var bands = Convert.ToInt32(r.GetValue(8), System.Globalization.CultureInfo.InvariantCulture);
        if (title.Length == 0 || body.Length == 0 || r.IsDBNull(7))
        {
            problems.Add($"{id}: empty title, body or request id");
        }

        if (cleaned != TextCleaner.Clean(body).Text)
        {
            problems.Add($"{id}: cleaned body is not the cleaning of the body");
        }

        if (hash != ContentHash.Of(cleaned))
        {
            problems.Add($"{id}: content hash does not match the cleaned body");
        }

        var expectedBands = duplicateOf.Length == 0 ? MinHashBands.Bands : 0;
        if (story.Length == 0 || bands != expectedBands)
        {
            problems.Add($"{id}: story '{story}', {bands} band keys (expected {expectedBands})");
        }
    }
}

/// <summary>
/// SQLite: also <c>PRAGMA integrity_check</c> over the whole file. A cleaned body may be stored as a
/// patch on the body, and an original above the band watermark keeps its keys in its row.
/// </summary>
public sealed class SqliteStoreInspector(string connectionString) : StoreInspector(connectionString)
{
    protected override string RowsQuery => """
        SELECT a.id, a.title, a.body, a.cleaned_body, a.content_hash, a.story, a.duplicate_of, a.request_id,
               (SELECT COUNT(*) FROM article_bands b WHERE b.seq = a.seq)
                 + CASE WHEN a.seq > (SELECT indexed_through FROM article_band_state) THEN COALESCE(length(a.band_keys), 0) / 8 ELSE 0 END,
               a.cleaned_segments, a.cleaned_patch
        FROM articles a
        """;

    protected override string ReadCleaned(DbDataReader reader) =>
        reader.IsDBNull(10)
            ? reader.GetString(3)
            : SqliteCleanedBody.Rebuild(reader.GetString(2), SegmentCodec.Decode(reader.GetFieldValue<byte[]>(9)), reader.GetString(10));

    protected override DbConnection Open() => new SqliteConnection(ConnectionString);

    protected override async Task<IReadOnlyList<string>> EngineChecksAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var result = (string?)await command.ExecuteScalarAsync(cancellationToken);
        return result == "ok" ? [] : [$"PRAGMA integrity_check: {result}"];
    }
}

/// <summary>PostgreSQL keeps its own pages consistent (WAL); the row checks are what is left to prove.</summary>
public sealed class PostgresStoreInspector(string connectionString) : StoreInspector(connectionString)
{
    protected override DbConnection Open() => new NpgsqlConnection(ConnectionString);

    protected override Task<IReadOnlyList<string>> EngineChecksAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
