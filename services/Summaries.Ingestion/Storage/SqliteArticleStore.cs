using Microsoft.Data.Sqlite;
using Summaries.Ingestion.Articles;

namespace Summaries.Ingestion.Storage;

/// <summary>Articles in the service's SQLite file, with plain SQL.</summary>
public sealed partial class SqliteArticleStore(ArticleDatabase database) : IArticleStore
{
    // A random 60-bit id colliding is next to impossible; a few fresh ids settle it.
    private const int IdAttempts = 3;

    public async Task<CreateArticleOutcome> InsertAsync(NewArticleRecord record, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < IdAttempts; attempt++)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            // BEGIN IMMEDIATE (the Microsoft.Data.Sqlite default): the insert and the read of a
            // conflicting row see one consistent state, and concurrent writers queue.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var inserted = await TryInsertAsync(connection, transaction, record, cancellationToken);
            // The UNIQUE indexes on request_id and content_hash are the idempotency and dedupe
            // guarantee, also under concurrent identical requests: the loser reads the winner's row.
            var existing = inserted is null
                ? await FindExistingAsync(connection, transaction, record, cancellationToken)
                : null;
            await transaction.CommitAsync(cancellationToken);
            if (inserted is not null)
            {
                return new CreateArticleOutcome(inserted, Created: true);
            }

            if (existing is not null)
            {
                return new CreateArticleOutcome(existing, Created: false);
            }

            record = record with { Id = ArticleNames.NewId() };
        }

        throw new InvalidOperationException($"Could not find a free article id in {IdAttempts} attempts.");
    }

    public async Task<Article?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ArticleRows.Columns} FROM articles WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return await ArticleRows.ReadFirstAsync(command, cancellationToken);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM articles WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<StoredArticlePage> ListAsync(
        int pageSize, long? before, ArticleFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = new List<string>();
        if (before is not null)
        {
            where.Add("seq < $before");
            command.Parameters.AddWithValue("$before", before.Value);
        }

        for (var i = 0; i < filter.Conditions.Count; i++)
        {
            var condition = filter.Conditions[i];
            var column = condition.Field switch
            {
                ArticleFilterField.Source => "source",
                ArticleFilterField.Language => "language",
                _ => throw new ArgumentOutOfRangeException(nameof(filter), condition.Field, "unknown filter field"),
            };
            where.Add($"{column} = $p{i}");
            command.Parameters.AddWithValue($"$p{i}", condition.Value);
        }

        command.CommandText = $"SELECT {ArticleRows.Columns} FROM articles"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : string.Empty)
            + " ORDER BY seq DESC LIMIT $limit";
        // One row more than asked tells whether there is a next page.
        command.Parameters.AddWithValue("$limit", pageSize + 1);
        var rows = await ArticleRows.ReadAllAsync(command, cancellationToken);
        if (rows.Count <= pageSize)
        {
            return new StoredArticlePage(rows, null);
        }

        rows.RemoveAt(rows.Count - 1);
        return new StoredArticlePage(rows, rows[^1].Sequence);
    }

    public async Task<IReadOnlyList<Article>> ListAfterAsync(long after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ArticleRows.Columns} FROM articles WHERE seq > $after ORDER BY seq LIMIT $limit";
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$limit", limit);
        return await ArticleRows.ReadAllAsync(command, cancellationToken);
    }

    public async Task<long> GetLatestSequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(seq), 0) FROM articles";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<Article?> TryInsertAsync(
        SqliteConnection connection, SqliteTransaction transaction, NewArticleRecord record, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            INSERT INTO articles (id, request_id, content_hash, title, body, source, url, publish_time, language,
                                  create_time, annotation_state, annotation_error, annotation_attempts, next_annotation_ms)
            VALUES ($id, $request_id, $hash, $title, $body, $source, $url, $publish_time, $language,
                    $create_time, $state, '', 0, $next_ms)
            ON CONFLICT DO NOTHING
            RETURNING {ArticleRows.Columns}
            """;
        var content = record.Content;
        command.Parameters.AddWithValue("$id", record.Id);
        command.Parameters.AddWithValue("$request_id", string.IsNullOrEmpty(record.RequestId) ? DBNull.Value : record.RequestId);
        command.Parameters.AddWithValue("$hash", record.ContentHash);
        command.Parameters.AddWithValue("$title", content.Title);
        command.Parameters.AddWithValue("$body", content.Body);
        command.Parameters.AddWithValue("$source", content.Source);
        command.Parameters.AddWithValue("$url", content.Url);
        command.Parameters.AddWithValue("$publish_time",
            content.PublishTime is { } published ? ArticleRows.FormatTime(published) : DBNull.Value);
        command.Parameters.AddWithValue("$language", content.Language);
        command.Parameters.AddWithValue("$create_time", ArticleRows.FormatTime(record.CreateTime));
        command.Parameters.AddWithValue("$state", (int)AnnotationState.Pending);
        command.Parameters.AddWithValue("$next_ms", record.NextAnnotationTime.ToUnixTimeMilliseconds());
        return await ArticleRows.ReadFirstAsync(command, cancellationToken);
    }

    /// <summary>The row that blocked the insert: by request id first (a retry), then by identical text.</summary>
    private static async Task<Article?> FindExistingAsync(
        SqliteConnection connection, SqliteTransaction transaction, NewArticleRecord record, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            SELECT {ArticleRows.Columns} FROM articles
            WHERE request_id = $request_id OR content_hash = $hash
            ORDER BY CASE WHEN request_id = $request_id THEN 0 ELSE 1 END
            LIMIT 1
            """;
        command.Parameters.AddWithValue("$request_id", string.IsNullOrEmpty(record.RequestId) ? DBNull.Value : record.RequestId);
        command.Parameters.AddWithValue("$hash", record.ContentHash);
        return await ArticleRows.ReadFirstAsync(command, cancellationToken);
    }
}
