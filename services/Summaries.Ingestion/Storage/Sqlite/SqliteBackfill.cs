using Microsoft.Data.Sqlite;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Duplicates;

namespace Summaries.Ingestion.Storage.Sqlite;

/// <summary>
/// Schema v2 for rows stored before it: computes the cleaned body, its segments and band keys, makes
/// each row the original of its own duplicate group, and moves the content hash to the cleaned text where that
/// hash is still free. Existing rows are not compared with each other. What a body yields comes from
/// <see cref="ArticleTextAnalyzer"/>, the same derivation new articles get.
/// </summary>
internal static class SqliteBackfill
{
    public static async Task RunAsync(
        SqliteConnection connection, SqliteTransaction transaction, ArticleTextAnalyzer analyzer, CancellationToken cancellationToken)
    {
        var rows = new List<(long Seq, string Id, string Body)>();
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT seq, id, body FROM articles WHERE story = ''";
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        await using var inserts = new SqliteInsertCommands(connection, transaction);
        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = """
            UPDATE articles SET cleaned_body = $cleaned, cleaned_segments = $segments, story = $story,
                content_hash = CASE WHEN EXISTS (SELECT 1 FROM articles WHERE content_hash = $hash) THEN content_hash ELSE $hash END
            WHERE seq = $seq
            """;
        foreach (var (seq, id, body) in rows)
        {
            var (cleaned, hash, fingerprint) = analyzer.Analyze(body, cancellationToken);
            update.Parameters.Clear();
            update.Parameters.AddWithValue("$cleaned", cleaned.Text);
            update.Parameters.AddWithValue("$segments", SegmentCodec.Encode(cleaned.Segments));
            update.Parameters.AddWithValue("$story", DuplicateGroupColumn.Key(id));
            update.Parameters.AddWithValue("$hash", hash);
            update.Parameters.AddWithValue("$seq", seq);
            await update.ExecuteNonQueryAsync(cancellationToken);
            await inserts.InsertBandRowsAsync(fingerprint.BandKeys.Select(k => (k, seq)).ToList(), cancellationToken);
        }
    }
}
