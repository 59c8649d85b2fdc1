using System.Globalization;
using Microsoft.Data.Sqlite;
using Summaries.Ingestion.Articles;

namespace Summaries.Ingestion.Storage.Sqlite;

/// <summary>Annotation bookkeeping (table <c>article_annotations</c>): which PENDING articles are due, recording outcomes, the backlog.</summary>
public sealed partial class SqliteArticleStore
{
    // The states are written into the SQL, not bound: only a literal lets SQLite prove that a query
    // is within a partial index's WHERE clause.
    private static readonly string Pending = ((int)AnnotationState.Pending).ToString(CultureInfo.InvariantCulture);
    private static readonly string Failed = ((int)AnnotationState.Failed).ToString(CultureInfo.InvariantCulture);

    public async Task<IReadOnlyList<Article>> ListDueForAnnotationAsync(
        DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            {SqliteArticleRows.Select}
            WHERE n.state = {Pending} AND n.next_ms <= $now
            ORDER BY n.next_ms, n.seq LIMIT $limit
            """;
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$limit", limit);
        return await ArticleColumns.ReadAllAsync(command, SqliteArticleRows.Read, cancellationToken);
    }

    public async Task<IReadOnlySet<string>> FilterAwaitingFirstAnnotationAsync(
        IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var awaiting = new HashSet<string>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return awaiting;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var names = new string[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            names[i] = "$i" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.AddWithValue(names[i], ids[i]);
        }

        // The id index holds the seq, so neither body is read.
        command.CommandText = $"""
            SELECT a.id FROM articles a JOIN article_annotations n ON n.seq = a.seq
            WHERE a.id IN ({string.Join(", ", names)}) AND n.state = {Pending} AND n.attempts = 0
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            awaiting.Add(reader.GetString(0));
        }

        return awaiting;
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
        // Only PENDING rows change: DONE and FAILED are final. A deleted article has no row left.
        command.CommandText = $"""
            UPDATE article_annotations
            SET state = $state, error = $error, attempts = $attempts, next_ms = $next_ms
            WHERE seq = (SELECT seq FROM articles WHERE id = $id) AND state = {Pending}
            """;
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var state = command.Parameters.Add("$state", SqliteType.Integer);
        var error = command.Parameters.Add("$error", SqliteType.Text);
        var attempts = command.Parameters.Add("$attempts", SqliteType.Integer);
        var next = command.Parameters.Add("$next_ms", SqliteType.Integer);
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

    public async Task<AnnotationBacklog> CountAnnotationBacklogAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Each count walks a partial index: its cost follows the backlog, not the table.
        command.CommandText = $"""
            SELECT (SELECT COUNT(*) FROM article_annotations WHERE state = {Pending}),
                   (SELECT COUNT(*) FROM article_annotations WHERE state = {Failed})
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new AnnotationBacklog(reader.GetInt64(0), reader.GetInt64(1));
    }
}
