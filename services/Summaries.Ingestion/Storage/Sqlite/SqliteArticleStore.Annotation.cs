using Microsoft.Data.Sqlite;
using Summaries.Ingestion.Articles;

namespace Summaries.Ingestion.Storage.Sqlite;

/// <summary>Annotation bookkeeping: which PENDING articles are due, and recording outcomes.</summary>
public sealed partial class SqliteArticleStore
{
    public async Task<IReadOnlyList<Article>> ListDueForAnnotationAsync(
        DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {ArticleColumns.List} FROM articles
            WHERE annotation_state = $pending AND next_annotation_ms <= $now
            ORDER BY next_annotation_ms, seq LIMIT $limit
            """;
        command.Parameters.AddWithValue("$pending", (int)AnnotationState.Pending);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$limit", limit);
        return await ArticleColumns.ReadAllAsync(command, ReadTime, cancellationToken);
    }

    public async Task UpdateAnnotationsAsync(
        IReadOnlyList<KeyValuePair<string, AnnotationUpdate>> updates, CancellationToken cancellationToken)
    {
        if (updates.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // Only PENDING rows change: DONE and FAILED are final.
        command.CommandText = """
            UPDATE articles
            SET annotation_state = $state, annotation_error = $error, annotation_attempts = $attempts,
                next_annotation_ms = $next_ms
            WHERE id = $id AND annotation_state = $pending
            """;
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var state = command.Parameters.Add("$state", SqliteType.Integer);
        var error = command.Parameters.Add("$error", SqliteType.Text);
        var attempts = command.Parameters.Add("$attempts", SqliteType.Integer);
        var next = command.Parameters.Add("$next_ms", SqliteType.Integer);
        command.Parameters.AddWithValue("$pending", (int)AnnotationState.Pending);
        foreach (var (articleId, update) in updates)
        {
            id.Value = articleId;
            state.Value = (int)update.State;
            error.Value = update.Error;
            attempts.Value = update.Attempts;
            next.Value = update.NextAttemptTime is { } time ? time.ToUnixTimeMilliseconds() : DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
