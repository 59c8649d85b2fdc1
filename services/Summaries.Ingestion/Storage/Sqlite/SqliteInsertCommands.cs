using System.Globalization;
using Microsoft.Data.Sqlite;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Duplicates;
using Summaries.ServiceDefaults.Naming;

namespace Summaries.Ingestion.Storage.Sqlite;

/// <summary>The statements of one insert transaction, prepared once and reused for every article of a group.</summary>
internal sealed class SqliteInsertCommands(SqliteConnection connection, SqliteTransaction transaction) : IAsyncDisposable
{
    // Parameters are bound by name, and SQLite finds a name by comparing it with each of the
    // statement's: a statement of many rows costs the square of its parameters.
    private const int BandRowsPerStatement = 32;

    private SqliteCommand? _findExisting;
    private SqliteCommand? _insert;
    private SqliteCommand? _annotation;
    private SqliteCommand? _sharedBands;
    private SqliteCommand? _candidate;
    private SqliteCommand? _bandRows;

    public async Task<Article?> FindExistingAsync(NewArticleRecord record, CancellationToken cancellationToken)
    {
        _findExisting ??= Create($"""
            {SqliteArticleRows.Select}
            WHERE a.request_id = $request_id OR a.content_hash = $hash
            ORDER BY CASE WHEN a.request_id = $request_id THEN 0 ELSE 1 END
            LIMIT 1
            """, "$request_id", "$hash");
        _findExisting.Parameters[0].Value = string.IsNullOrEmpty(record.RequestId) ? DBNull.Value : record.RequestId;
        _findExisting.Parameters[1].Value = record.ContentHash;
        return await ArticleColumns.ReadFirstAsync(_findExisting, SqliteArticleRows.Read, cancellationToken);
    }

    /// <summary>
    /// Stored originals sharing band keys with the new text, those sharing the most first (then the
    /// oldest): from <c>article_bands</c> (unless the filter rules it out) and from the originals not yet written there.
    /// </summary>
    public async Task<List<DuplicateCandidate>> CandidatesAsync(
        IReadOnlyList<long> bandKeys, int limit, SqliteBandFilter filter, SqliteBandTail tail, CancellationToken cancellationToken)
    {
        // An original is in the table or in the tail, never both, so the counts need no adding up.
        var shared = new Dictionary<long, int>();
        if (filter.MightContainAny(bandKeys))
        {
            await CountSharedInTableAsync(bandKeys, limit, shared, cancellationToken);
        }

        tail.CountShared(bandKeys, shared);
        var candidates = new List<DuplicateCandidate>();
        foreach (var (seq, _) in shared.OrderByDescending(s => s.Value).ThenBy(s => s.Key).Take(limit))
        {
            if (await ReadCandidateAsync(seq, cancellationToken) is { } candidate)
            {
                candidates.Add(candidate);
            }
        }

        return candidates;
    }

    private async Task CountSharedInTableAsync(IReadOnlyList<long> bandKeys, int limit, Dictionary<long, int> shared, CancellationToken cancellationToken)
    {
        if (_sharedBands is null || _sharedBands.Parameters.Count != bandKeys.Count + 1)
        {
            _sharedBands?.Dispose();
            var keys = KeyNames(bandKeys.Count);
            _sharedBands = Create($"""
                SELECT seq, COUNT(*) AS shared FROM article_bands WHERE band_key IN ({string.Join(", ", keys)})
                GROUP BY seq ORDER BY shared DESC, seq LIMIT $limit
                """, [.. keys, "$limit"]);
        }

        for (var i = 0; i < bandKeys.Count; i++)
        {
            _sharedBands.Parameters[i].Value = bandKeys[i];
        }

        _sharedBands.Parameters[bandKeys.Count].Value = limit;
        await using var reader = await _sharedBands.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            shared[reader.GetInt64(0)] = reader.GetInt32(1);
        }
    }

    /// <summary>
    /// The inserted row (with its PENDING annotation row), or null when the id was taken. An original
    /// (<paramref name="match"/> null) keeps its band keys in the row.
    /// </summary>
    public async Task<Article?> InsertAsync(NewArticleRecord record, DuplicateMatch? match, CancellationToken cancellationToken)
    {
        _insert ??= Create("""
            INSERT INTO articles (id, request_id, content_hash, title, body, cleaned_body, cleaned_segments, cleaned_patch, source, url,
                                  publish_time, language, create_time, duplicate_of, duplicate_similarity, story, band_keys)
            VALUES ($id, $request_id, $hash, $title, $body, $cleaned, $segments, $patch, $source, $url,
                    $publish_time, $language, $create_time, $duplicate_of, $similarity, $story, $band_keys)
            ON CONFLICT DO NOTHING
            RETURNING seq
            """,
            "$id", "$request_id", "$hash", "$title", "$body", "$cleaned", "$segments", "$patch", "$source", "$url",
            "$publish_time", "$language", "$create_time", "$duplicate_of", "$similarity", "$story", "$band_keys");
        var content = record.Content;
        var patch = SqliteCleanedBody.Patch(content.Body, record.Cleaned);
        var keys = record.Fingerprint.BandKeys;
        var p = _insert.Parameters;
        p[0].Value = record.Id;
        p[1].Value = string.IsNullOrEmpty(record.RequestId) ? DBNull.Value : record.RequestId;
        p[2].Value = record.ContentHash;
        p[3].Value = content.Title;
        p[4].Value = content.Body;
        p[5].Value = patch is null ? record.Cleaned.Text : string.Empty;
        p[6].Value = SegmentCodec.Encode(record.Cleaned.Segments);
        p[7].Value = (object?)patch ?? DBNull.Value;
        p[8].Value = content.Source;
        p[9].Value = content.Url;
        p[10].Value = content.PublishTime is { } published ? SqliteArticleStore.FormatTime(published) : DBNull.Value;
        p[11].Value = content.Language;
        p[12].Value = SqliteArticleStore.FormatTime(record.CreateTime);
        p[13].Value = match is null ? string.Empty : ResourceNames.Articles.Format(match.Id);
        p[14].Value = match?.Similarity ?? 0.0;
        p[15].Value = DuplicateGroupColumn.Key(match?.DuplicateGroup ?? record.Id);
        p[16].Value = match is null && keys.Count > 0 ? SqliteBandTail.Encode(keys) : DBNull.Value;
        if (await _insert.ExecuteScalarAsync(cancellationToken) is not long seq)
        {
            return null;
        }

        _annotation ??= Create(
            $"INSERT INTO article_annotations (seq, state, next_ms) VALUES ($seq, {(int)AnnotationState.Pending}, $next_ms)", "$seq", "$next_ms");
        _annotation.Parameters[0].Value = seq;
        _annotation.Parameters[1].Value = record.NextAnnotationTime.ToUnixTimeMilliseconds();
        await _annotation.ExecuteNonQueryAsync(cancellationToken);
        return ArticleColumns.Inserted(record, seq, match);
    }

    /// <summary>Writes (band key, seq) rows into <c>article_bands</c>, many to a statement; pass them in key order.</summary>
    public async Task InsertBandRowsAsync(IReadOnlyList<(long Key, long Seq)> rows, CancellationToken cancellationToken)
    {
        for (var start = 0; start < rows.Count; start += BandRowsPerStatement)
        {
            var count = Math.Min(BandRowsPerStatement, rows.Count - start);
            if (count != BandRowsPerStatement)
            {
                await using var last = CreateBandRows(count);
                await ExecuteBandRowsAsync(last, rows, start, cancellationToken);
            }
            else
            {
                _bandRows ??= CreateBandRows(BandRowsPerStatement);
                await ExecuteBandRowsAsync(_bandRows, rows, start, cancellationToken);
            }
        }
    }

    /// <summary>Records that every original up to <paramref name="through"/> has its keys in <c>article_bands</c>.</summary>
    public async Task SetIndexedThroughAsync(long through, CancellationToken cancellationToken)
    {
        await using var command = Create("UPDATE article_band_state SET indexed_through = $through", "$through");
        command.Parameters[0].Value = through;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { _findExisting, _insert, _annotation, _sharedBands, _candidate, _bandRows })
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }
    }

    private async Task<DuplicateCandidate?> ReadCandidateAsync(long seq, CancellationToken cancellationToken)
    {
        _candidate ??= Create(
            "SELECT id, story, body, cleaned_body, cleaned_segments, cleaned_patch FROM articles WHERE seq = $seq", "$seq");
        _candidate.Parameters[0].Value = seq;
        await using var reader = await _candidate.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var cleaned = reader.IsDBNull(5)
            ? reader.GetString(3)
            : SqliteCleanedBody.Rebuild(reader.GetString(2), SegmentCodec.Decode(reader.GetFieldValue<byte[]>(4)), reader.GetString(5));
        return new DuplicateCandidate(reader.GetString(0), DuplicateGroupColumn.GroupId(reader.GetString(1)), cleaned);
    }

    private SqliteCommand CreateBandRows(int count)
    {
        var names = new List<string>(count * 2);
        var values = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var (key, seq) = ("$k" + i.ToString(CultureInfo.InvariantCulture), "$s" + i.ToString(CultureInfo.InvariantCulture));
            names.Add(key);
            names.Add(seq);
            values.Add($"({key}, {seq})");
        }

        return Create($"INSERT OR IGNORE INTO article_bands (band_key, seq) VALUES {string.Join(", ", values)}", [.. names]);
    }

    private static async Task ExecuteBandRowsAsync(
        SqliteCommand command, IReadOnlyList<(long Key, long Seq)> rows, int start, CancellationToken cancellationToken)
    {
        for (var i = 0; i < command.Parameters.Count / 2; i++)
        {
            command.Parameters[2 * i].Value = rows[start + i].Key;
            command.Parameters[(2 * i) + 1].Value = rows[start + i].Seq;
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string[] KeyNames(int count) =>
        Enumerable.Range(0, count).Select(i => "$k" + i.ToString(CultureInfo.InvariantCulture)).ToArray();

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
