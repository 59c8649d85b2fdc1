using Summaries.Ingestion.Articles;

namespace Summaries.Ingestion.Storage;

/// <summary>Annotation bookkeeping: which PENDING articles are due, and recording outcomes.</summary>
public sealed partial class SqliteArticleStore
{
    public async Task<IReadOnlyList<Article>> ListDueForAnnotationAsync(
        DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {ArticleRows.Columns} FROM articles
            WHERE annotation_state = $pending AND next_annotation_ms <= $now
            ORDER BY next_annotation_ms, seq LIMIT $limit
            """;
        command.Parameters.AddWithValue("$pending", (int)AnnotationState.Pending);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$limit", limit);
        return await ArticleRows.ReadAllAsync(command, cancellationToken);
    }

    public async Task UpdateAnnotationAsync(string id, AnnotationUpdate update, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Only PENDING rows change: DONE and FAILED are final, so a late failure from a concurrent
        // attempt can never undo a success.
        command.CommandText = """
            UPDATE articles
            SET annotation_state = $state, annotation_error = $error, annotation_attempts = $attempts,
                next_annotation_ms = $next_ms
            WHERE id = $id AND annotation_state = $pending
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$state", (int)update.State);
        command.Parameters.AddWithValue("$error", update.Error);
        command.Parameters.AddWithValue("$attempts", update.Attempts);
        command.Parameters.AddWithValue("$next_ms",
            update.NextAttemptTime is { } next ? next.ToUnixTimeMilliseconds() : DBNull.Value);
        command.Parameters.AddWithValue("$pending", (int)AnnotationState.Pending);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
