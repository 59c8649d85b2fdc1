using System.Data.Common;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Duplicates;

namespace Summaries.Ingestion.Storage.Postgres;

/// <summary>
/// Articles in PostgreSQL, with plain SQL. Inserts are serialised by a transaction-scoped advisory
/// lock: an identity value is handed out when a row is inserted, not when it commits, so without
/// the lock a watcher could see sequence 6 before 5 commits and skip 5 for ever. Reads never wait.
/// </summary>
public sealed partial class PostgresArticleStore(PostgresDatabase database, NearDuplicateMatcher matcher) : IArticleStore
{
    /// <summary>Nothing: this store keeps no state beside its tables.</summary>
    public Task LoadAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal static readonly Func<DbDataReader, int, DateTimeOffset> ReadTime = (r, i) =>
        new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc));

    private static readonly Func<DbDataReader, Article> ReadArticle = r => ArticleColumns.Read(r, ReadTime);

    public async Task<Article?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {ArticleColumns.List} FROM articles WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return await ArticleColumns.ReadFirstAsync(command, ReadArticle, cancellationToken);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Band keys go with the row (ON DELETE CASCADE).
        await using var command = new NpgsqlCommand("DELETE FROM articles WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<StoredArticlePage> ListAsync(
        int pageSize, long? before, ArticleFilter filter, ArticleReadShape shape, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection };
        var where = ArticleFilterSql.Where(filter, before, value =>
        {
            var name = "p" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
            if (value is DateTimeOffset time)
            {
                command.Parameters.AddWithValue(name, NpgsqlDbType.TimestampTz, time.ToUniversalTime());
            }
            else
            {
                command.Parameters.AddWithValue(name, value);
            }

            return "@" + name;
        });
        command.CommandText = $"SELECT {ArticleColumns.ListFor(shape.View)} FROM articles{where} ORDER BY seq DESC LIMIT @limit";
        command.Parameters.AddWithValue("limit", pageSize + 1);
        var (rows, full) = await ArticleColumns.ReadWithinAsync(command, ReadArticle, shape.ByteBudget, cancellationToken);
        return StoredArticlePage.FromRows(rows, full, pageSize);
    }

    public async Task<(IReadOnlyList<Article> Found, int Read)> GetManyAsync(
        IReadOnlyList<string> ids, ArticleReadShape shape, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {ArticleColumns.QualifiedFor(shape.View, "a")}
            FROM unnest(@ids) WITH ORDINALITY AS q(id, ord) JOIN articles a ON a.id = q.id
            ORDER BY q.ord
            """, connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        var (rows, full) = await ArticleColumns.ReadWithinAsync(command, ReadArticle, shape.ByteBudget, cancellationToken);
        return (rows, full ? ids.Count : ArticleReads.ReadThrough(ids, rows));
    }

    public async Task<IReadOnlyList<Article>> ListAfterAsync(long after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {ArticleColumns.List} FROM articles WHERE seq > @after ORDER BY seq LIMIT @limit", connection);
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("limit", limit);
        return await ArticleColumns.ReadAllAsync(command, ReadArticle, cancellationToken);
    }

    public async Task<long> GetLatestSequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT COALESCE(MAX(seq), 0) FROM articles", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyList<Article>> ClaimDueForAnnotationAsync(AnnotationClaim claim, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // SKIP LOCKED: a row another replica is claiming right now is passed over, not waited for; once
        // that claim commits, its claimed_until_ms keeps the row out of every other claim until it ends.
        await using var command = new NpgsqlCommand($"""
            UPDATE articles AS a SET claimed_by = @claimant, claimed_until_ms = @until
            FROM (SELECT seq FROM articles
                  WHERE annotation_state = {(int)AnnotationState.Pending} AND next_annotation_ms <= @now
                    AND (claimed_until_ms IS NULL OR claimed_until_ms <= @now)
                  ORDER BY next_annotation_ms, seq LIMIT @limit
                  FOR UPDATE SKIP LOCKED) AS due
            WHERE a.seq = due.seq
            RETURNING {ArticleColumns.Qualified("a")}
            """, connection);
        command.Parameters.AddWithValue("claimant", claim.Claimant);
        command.Parameters.AddWithValue("until", claim.Until.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("now", claim.Now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("limit", limit);
        var claimed = await ArticleColumns.ReadAllAsync(command, ReadArticle, cancellationToken);
        claimed.Sort((x, y) => x.Sequence.CompareTo(y.Sequence));
        return claimed;
    }

    public async Task UpdateAnnotationsAsync(
        IReadOnlyList<KeyValuePair<string, AnnotationUpdate>> updates, CancellationToken cancellationToken)
    {
        if (updates.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        // One statement for the lot; only PENDING rows change (DONE and FAILED are final).
        await using var command = new NpgsqlCommand("""
            UPDATE articles AS a
            SET annotation_state = u.state, annotation_error = u.error, annotation_attempts = u.attempts, next_annotation_ms = u.next_ms,
                claimed_by = NULL, claimed_until_ms = NULL
            FROM unnest(@ids, @states, @errors, @attempts, @next_ms) AS u(id, state, error, attempts, next_ms)
            WHERE a.id = u.id AND a.annotation_state = @pending
            """, connection);
        command.Parameters.AddWithValue("ids", updates.Select(u => u.Key).ToArray());
        command.Parameters.AddWithValue("states", updates.Select(u => (int)u.Value.State).ToArray());
        command.Parameters.AddWithValue("errors", updates.Select(u => u.Value.Error).ToArray());
        command.Parameters.AddWithValue("attempts", updates.Select(u => u.Value.Attempts).ToArray());
        command.Parameters.AddWithValue("next_ms", NpgsqlDbType.Array | NpgsqlDbType.Bigint,
            updates.Select(u => u.Value.NextAttemptTime is { } next ? (long?)next.ToUnixTimeMilliseconds() : null).ToArray());
        command.Parameters.AddWithValue("pending", (int)AnnotationState.Pending);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<AnnotationBacklog> CountAnnotationBacklogAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Literal states, so each count can use its partial index.
        await using var command = new NpgsqlCommand(
            $"""
            SELECT (SELECT COUNT(*) FROM articles WHERE annotation_state = {(int)AnnotationState.Pending}),
                   (SELECT COUNT(*) FROM articles WHERE annotation_state = {(int)AnnotationState.Failed})
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new AnnotationBacklog(reader.GetInt64(0), reader.GetInt64(1));
    }
}
