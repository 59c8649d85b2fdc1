using Npgsql;
using NpgsqlTypes;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Duplicates;
using Summaries.ServiceDefaults.Naming;

namespace Summaries.Ingestion.Storage.Postgres;

/// <summary>Inserting: idempotency, exact and near-duplicate checks, all inside one serialised transaction.</summary>
public sealed partial class PostgresArticleStore
{
    private const int IdAttempts = 3;

    public async Task<IReadOnlyList<CreateArticleOutcome>> InsertManyAsync(
        IReadOnlyList<NewArticleRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The notice is sent when (and only if) the transaction commits: watchers on every replica wake.
        await using (var lockCommand = new NpgsqlCommand(
            $"SELECT pg_advisory_xact_lock({PostgresDatabase.InsertLockClass}, hashtext(current_schema())), pg_notify({PostgresCommitFeed.ChannelSql}, '')",
            connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        // Every article's candidates among the originals stored before this group, in one round trip;
        // originals stored earlier in the group are added from memory as they are inserted.
        var stored = matcher.Enabled
            ? await StoredCandidatesAsync(connection, transaction, records, cancellationToken)
            : null;
        var groupOriginals = new List<GroupOriginal>();
        var outcomes = new List<CreateArticleOutcome>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var match = stored is not null && record.Fingerprint.BandKeys.Count > 0
                ? matcher.Match(record.Fingerprint, Candidates(record, stored[i], groupOriginals))
                : null;
            var outcome = await InsertOneAsync(connection, transaction, record, match, cancellationToken);
            if (outcome.Created && match is null && record.Fingerprint.BandKeys.Count > 0)
            {
                groupOriginals.Add(new GroupOriginal(
                    outcome.Article.Sequence, new DuplicateCandidate(outcome.Article.Id, outcome.Article.DuplicateGroup, record.Cleaned.Text),
                    [.. record.Fingerprint.BandKeys.Distinct()]));
            }

            outcomes.Add(outcome);
        }

        await transaction.CommitAsync(cancellationToken);
        return outcomes;
    }

    /// <summary>
    /// The stored originals sharing the most band keys with the text, those of this group included,
    /// ordered as the table query orders them (most keys shared, then oldest first).
    /// </summary>
    private IEnumerable<DuplicateCandidate> Candidates(
        NewArticleRecord record, List<(long Seq, int Shared, DuplicateCandidate Candidate)> stored, List<GroupOriginal> groupOriginals)
    {
        if (groupOriginals.Count == 0)
        {
            return stored.Select(c => c.Candidate);
        }

        var keys = record.Fingerprint.BandKeys.ToHashSet();
        return stored
            .Concat(groupOriginals
                .Select(o => (o.Seq, Shared: o.Keys.Count(keys.Contains), o.Candidate))
                .Where(o => o.Shared > 0))
            .OrderByDescending(c => c.Shared).ThenBy(c => c.Seq)
            .Take(matcher.MaxCandidates)
            .Select(c => c.Candidate);
    }

    private async Task<CreateArticleOutcome> InsertOneAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, NewArticleRecord record, DuplicateMatch? match, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < IdAttempts; attempt++)
        {
            // Inserted first, looked up only when that did not insert (see SqliteArticleStore).
            if (await TryInsertAsync(connection, transaction, record, match, cancellationToken) is { } inserted)
            {
                return new CreateArticleOutcome(inserted, Created: true);
            }

            // A unique key is taken: the request id (a retry), the cleaned text (an exact duplicate), or the id.
            if (await FindExistingAsync(connection, transaction, record, cancellationToken) is { } existing)
            {
                return new CreateArticleOutcome(existing, Created: false);
            }

            record = record with { Id = ArticleIds.NewId(record.CreateTime) };
        }

        throw new InvalidOperationException($"Could not find a free article id in {IdAttempts} attempts.");
    }

    private static async Task<Article?> FindExistingAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, NewArticleRecord record, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT {ArticleColumns.List} FROM articles
            WHERE request_id = @request_id OR content_hash = @hash
            ORDER BY CASE WHEN request_id = @request_id THEN 0 ELSE 1 END
            LIMIT 1
            """, connection, transaction);
        command.Parameters.AddWithValue("request_id", NpgsqlDbType.Text, string.IsNullOrEmpty(record.RequestId) ? DBNull.Value : record.RequestId);
        command.Parameters.AddWithValue("hash", record.ContentHash);
        return await ArticleColumns.ReadFirstAsync(command, ReadArticle, cancellationToken);
    }

    /// <summary>For each record, the originals already stored (before this group) that share band keys with it.</summary>
    private async Task<List<(long Seq, int Shared, DuplicateCandidate Candidate)>[]> StoredCandidatesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<NewArticleRecord> records, CancellationToken cancellationToken)
    {
        var found = records.Select(_ => new List<(long, int, DuplicateCandidate)>()).ToArray();
        var asked = Enumerable.Range(0, records.Count).Where(i => records[i].Fingerprint.BandKeys.Count > 0).ToList();
        if (asked.Count == 0)
        {
            return found;
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var i in asked)
        {
            var command = new NpgsqlBatchCommand("""
                SELECT c.seq, c.shared, a.id, a.story, a.cleaned_body FROM articles a
                JOIN (SELECT seq, COUNT(*) AS shared FROM article_bands WHERE band_key = ANY($1)
                      GROUP BY seq ORDER BY shared DESC, seq LIMIT $2) c ON c.seq = a.seq
                ORDER BY c.shared DESC, a.seq
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = records[i].Fingerprint.BandKeys.ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = matcher.MaxCandidates });
            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        foreach (var i in asked)
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                found[i].Add((reader.GetInt64(0), (int)reader.GetInt64(1),
                    new DuplicateCandidate(reader.GetString(2), DuplicateGroupColumn.GroupId(reader.GetString(3)), reader.GetString(4))));
            }

            await reader.NextResultAsync(cancellationToken);
        }

        return found;
    }

    /// <summary>An original inserted earlier in the current group: not in the table's answer, which was read before it.</summary>
    private sealed record GroupOriginal(long Seq, DuplicateCandidate Candidate, long[] Keys);

    private static async Task<Article?> TryInsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, NewArticleRecord record, DuplicateMatch? match, CancellationToken cancellationToken)
    {
        // The row and, for an original, its band keys in one statement (one round trip): only originals
        // are indexed (see SqliteArticleStore), so a near-duplicate sends no keys; a row that was not
        // inserted (a key taken) adds none either.
        await using var command = new NpgsqlCommand("""
            WITH inserted AS (
                INSERT INTO articles (id, request_id, content_hash, title, body, cleaned_body, cleaned_segments, source, url,
                                      publish_time, language, create_time, duplicate_of, duplicate_similarity, story,
                                      annotation_state, annotation_error, annotation_attempts, next_annotation_ms)
                VALUES (@id, @request_id, @hash, @title, @body, @cleaned, @segments, @source, @url,
                        @publish_time, @language, @create_time, @duplicate_of, @similarity, @story, @state, '', 0, @next_ms)
                ON CONFLICT DO NOTHING
                RETURNING seq),
            bands AS (
                INSERT INTO article_bands (band_key, seq)
                SELECT DISTINCT k.band_key, inserted.seq FROM inserted, unnest(@band_keys) AS k(band_key)
                ON CONFLICT DO NOTHING)
            SELECT seq FROM inserted
            """, connection, transaction);
        var content = record.Content;
        var p = command.Parameters;
        p.AddWithValue("id", record.Id);
        p.AddWithValue("request_id", NpgsqlDbType.Text, string.IsNullOrEmpty(record.RequestId) ? DBNull.Value : record.RequestId);
        p.AddWithValue("hash", record.ContentHash);
        p.AddWithValue("title", content.Title);
        p.AddWithValue("body", content.Body);
        p.AddWithValue("cleaned", record.Cleaned.Text);
        p.AddWithValue("segments", SegmentCodec.Encode(record.Cleaned.Segments));
        p.AddWithValue("source", content.Source);
        p.AddWithValue("url", content.Url);
        p.AddWithValue("publish_time", NpgsqlDbType.TimestampTz, content.PublishTime is { } published ? published.ToUniversalTime() : DBNull.Value);
        p.AddWithValue("language", content.Language);
        p.AddWithValue("create_time", NpgsqlDbType.TimestampTz, record.CreateTime.ToUniversalTime());
        p.AddWithValue("duplicate_of", match is null ? string.Empty : ResourceNames.Articles.Format(match.Id));
        p.AddWithValue("similarity", match?.Similarity ?? 0.0);
        p.AddWithValue("story", DuplicateGroupColumn.Key(match?.DuplicateGroup ?? record.Id));
        p.AddWithValue("state", (int)AnnotationState.Pending);
        p.AddWithValue("next_ms", record.NextAnnotationTime.ToUnixTimeMilliseconds());
        p.AddWithValue("band_keys", match is null ? record.Fingerprint.BandKeys.ToArray() : Array.Empty<long>());
        var sequence = await command.ExecuteScalarAsync(cancellationToken);
        return sequence is long seq ? ArticleColumns.Inserted(record, seq, match) : null;
    }
}
