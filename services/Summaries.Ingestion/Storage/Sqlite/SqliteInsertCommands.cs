using System.Globalization;
using Microsoft.Data.Sqlite;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Duplicates;

namespace Summaries.Ingestion.Storage.Sqlite;

/// <summary>The statements of one insert transaction, prepared once and reused for every article of a group.</summary>
internal sealed class SqliteInsertCommands(SqliteConnection connection, SqliteTransaction transaction) : IAsyncDisposable
{
    private SqliteCommand? _findExisting;
    private SqliteCommand? _insert;
    private SqliteCommand? _candidates;

    public SqliteConnection Connection => connection;

    public SqliteTransaction Transaction => transaction;

    public async Task<Article?> FindExistingAsync(NewArticleRecord record, CancellationToken cancellationToken)
    {
        _findExisting ??= Create($"""
            SELECT {ArticleColumns.List} FROM articles
            WHERE request_id = $request_id OR content_hash = $hash
            ORDER BY CASE WHEN request_id = $request_id THEN 0 ELSE 1 END
            LIMIT 1
            """, "$request_id", "$hash");
        _findExisting.Parameters["$request_id"].Value = string.IsNullOrEmpty(record.RequestId) ? DBNull.Value : record.RequestId;
        _findExisting.Parameters["$hash"].Value = record.ContentHash;
        return await ArticleColumns.ReadFirstAsync(_findExisting, SqliteArticleStore.ReadTime, cancellationToken);
    }

    /// <summary>Stored originals sharing band keys with the new text, those sharing the most first.</summary>
    public async Task<List<DuplicateCandidate>> CandidatesAsync(IReadOnlyList<long> bandKeys, int limit, CancellationToken cancellationToken)
    {
        if (_candidates is null || _candidates.Parameters.Count != bandKeys.Count + 1)
        {
            var keys = Enumerable.Range(0, bandKeys.Count).Select(i => "$k" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
            _candidates = Create($"""
                SELECT a.id, a.story, a.cleaned_body FROM articles a
                JOIN (SELECT seq, COUNT(*) AS shared FROM article_bands WHERE band_key IN ({string.Join(", ", keys)})
                      GROUP BY seq ORDER BY shared DESC, seq LIMIT $limit) c ON c.seq = a.seq
                ORDER BY c.shared DESC, a.seq
                """, [.. keys, "$limit"]);
        }

        for (var i = 0; i < bandKeys.Count; i++)
        {
            _candidates.Parameters[i].Value = bandKeys[i];
        }

        _candidates.Parameters["$limit"].Value = limit;
        var candidates = new List<DuplicateCandidate>();
        await using var reader = await _candidates.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            candidates.Add(new DuplicateCandidate(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return candidates;
    }

    /// <summary>The inserted row, or null when the id was taken.</summary>
    public async Task<Article?> InsertAsync(NewArticleRecord record, DuplicateMatch? match, CancellationToken cancellationToken)
    {
        _insert ??= Create("""
            INSERT INTO articles (id, request_id, content_hash, title, body, cleaned_body, cleaned_segments, source, url,
                                  publish_time, language, create_time, duplicate_of, duplicate_similarity, story,
                                  annotation_state, annotation_error, annotation_attempts, next_annotation_ms)
            VALUES ($id, $request_id, $hash, $title, $body, $cleaned, $segments, $source, $url,
                    $publish_time, $language, $create_time, $duplicate_of, $similarity, $story, $state, '', 0, $next_ms)
            ON CONFLICT DO NOTHING
            RETURNING seq
            """,
            "$id", "$request_id", "$hash", "$title", "$body", "$cleaned", "$segments", "$source", "$url",
            "$publish_time", "$language", "$create_time", "$duplicate_of", "$similarity", "$story", "$state", "$next_ms");
        var content = record.Content;
        var p = _insert.Parameters;
        p["$id"].Value = record.Id;
        p["$request_id"].Value = string.IsNullOrEmpty(record.RequestId) ? DBNull.Value : record.RequestId;
        p["$hash"].Value = record.ContentHash;
        p["$title"].Value = content.Title;
        p["$body"].Value = content.Body;
        p["$cleaned"].Value = record.Cleaned.Text;
        p["$segments"].Value = SegmentCodec.Encode(record.Cleaned.Segments);
        p["$source"].Value = content.Source;
        p["$url"].Value = content.Url;
        p["$publish_time"].Value = content.PublishTime is { } published ? SqliteArticleStore.FormatTime(published) : DBNull.Value;
        p["$language"].Value = content.Language;
        p["$create_time"].Value = SqliteArticleStore.FormatTime(record.CreateTime);
        p["$duplicate_of"].Value = match is null ? string.Empty : ArticleNames.Format(match.Id);
        p["$similarity"].Value = match?.Similarity ?? 0.0;
        p["$story"].Value = match?.Story ?? StoryKeys.For(record.Id);
        p["$state"].Value = (int)AnnotationState.Pending;
        p["$next_ms"].Value = record.NextAnnotationTime.ToUnixTimeMilliseconds();
        var sequence = await _insert.ExecuteScalarAsync(cancellationToken);
        return sequence is long seq ? ArticleColumns.Inserted(record, seq, match) : null;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { _findExisting, _insert, _candidates })
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }
    }

    private SqliteCommand Create(string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }
}
