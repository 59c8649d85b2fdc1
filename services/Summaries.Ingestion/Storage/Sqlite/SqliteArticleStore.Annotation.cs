using System.Globalization;
using Microsoft.Data.Sqlite;
using Summaries.Ingestion.Articles;

namespace Summaries.Ingestion.Storage.Sqlite;

/// <summary>Annotation bookkeeping (table <c>article_annotations</c>): claiming the PENDING articles that are due, recording outcomes, the backlog.</summary>
public sealed partial class SqliteArticleStore
{
    // The states are written into the SQL, not bound: only a literal lets SQLite prove that a query
    // is within a partial index's WHERE clause.
    private static readonly string Pending = ((int)AnnotationState.Pending).ToString(CultureInfo.InvariantCulture);
    private static readonly string Failed = ((int)AnnotationState.Failed).ToString(CultureInfo.InvariantCulture);

    public async Task<IReadOnlyList<Article>> ClaimDueForAnnotationAsync(
        AnnotationClaim claim, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var claimed = new List<long>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            // One statement picks and claims, so two workers never claim the same row.
            command.CommandText = $"""
                UPDATE article_annotations SET claimed_by = $claimant, claimed_until_ms = $until
                WHERE seq IN (SELECT seq FROM article_annotations
                              WHERE state = {Pending} AND next_ms <= $now
                                AND (claimed_until_ms IS NULL OR claimed_until_ms <= $now)
                              ORDER BY next_ms, seq LIMIT $limit)
                RETURNING seq
                """;
            command.Parameters.AddWithValue("$claimant", claim.Claimant);
            command.Parameters.AddWithValue("$until", claim.Until.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$now", claim.Now.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$limit", limit);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add(reader.GetInt64(0));
            }
        }

        if (claimed.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return [];
        }

        await using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = $"{SqliteArticleRows.Select} WHERE a.seq IN ({string.Join(", ", claimed.Select(seq => seq.ToString(CultureInfo.InvariantCulture)))}) ORDER BY a.seq";
        var articles = await ArticleColumns.ReadAllAsync(read, SqliteArticleRows.Read, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return articles;
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
            SET state = $state, error = $error, attempts = $attempts, next_ms = $next_ms, claimed_by = NULL, claimed_until_ms = NULL
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
