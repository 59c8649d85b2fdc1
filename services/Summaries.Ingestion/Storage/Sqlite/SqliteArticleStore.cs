using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Duplicates;
using Summaries.Ingestion.Options;

namespace Summaries.Ingestion.Storage.Sqlite;

/// <summary>Articles in the service's SQLite file, with plain SQL. Writers are serialised by SQLite itself (BEGIN IMMEDIATE).</summary>
public sealed partial class SqliteArticleStore(
    SqliteDatabase database,
    NearDuplicateMatcher matcher,
    IOptions<StorageTuningOptions> tuning,
    ILogger<SqliteArticleStore> logger) : IArticleStore
{
    // Writers of this process take turns here as well as in SQLite, so that a commit and the band
    // tail's update after it happen together.
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly SqliteBandTail _bandTail = new();
    private readonly SqliteBandFilter _bandFilter = new(tuning.Value.SqliteBandFilterMiB);

    internal static readonly Func<DbDataReader, int, DateTimeOffset> ReadTime = (r, i) =>
        DateTimeOffset.Parse(r.GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    /// <summary>Times are stored as round-trip ("O") text in UTC, so text order is time order.</summary>
    internal static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public async Task<Article?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"{SqliteArticleRows.Select} WHERE a.id = $id";
        command.Parameters.AddWithValue("$id", id);
        return await ArticleColumns.ReadFirstAsync(command, SqliteArticleRows.Read, cancellationToken);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                DELETE FROM article_bands WHERE seq = (SELECT seq FROM articles WHERE id = $id);
                DELETE FROM article_annotations WHERE seq = (SELECT seq FROM articles WHERE id = $id);
                DELETE FROM articles WHERE id = $id RETURNING seq;
                """;
            command.Parameters.AddWithValue("$id", id);
            long? deleted = null;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                do
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        deleted = reader.GetInt64(0);
                    }
                }
                while (await reader.NextResultAsync(cancellationToken));
            }

            await transaction.CommitAsync(cancellationToken);
            if (deleted is { } seq)
            {
                // A no-op when the tail is not loaded yet: loading reads the rows, and this one is gone.
                _bandTail.Remove(seq);
            }

            return deleted is not null;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<StoredArticlePage> ListAsync(
        int pageSize, long? before, ArticleFilter filter, ArticleReadShape shape, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = ArticleFilterSql.Where(filter, before, value =>
        {
            var name = "$p" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
            command.Parameters.AddWithValue(name, value is DateTimeOffset time ? FormatTime(time) : value);
            return name;
        }, "a.");
        // One row more than asked tells whether there is a next page.
        command.CommandText = $"{SqliteArticleRows.SelectFor(shape.View)}{where} ORDER BY a.seq DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", pageSize + 1);
        var (rows, full) = await ArticleColumns.ReadWithinAsync(command, SqliteArticleRows.Read, shape.ByteBudget, cancellationToken);
        return StoredArticlePage.FromRows(rows, full, pageSize);
    }

    public async Task<(IReadOnlyList<Article> Found, int Read)> GetManyAsync(
        IReadOnlyList<string> ids, ArticleReadShape shape, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"{SqliteArticleRows.SelectFor(shape.View)} JOIN json_each($ids) q ON q.value = a.id ORDER BY q.key";
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(ids));
        var (rows, full) = await ArticleColumns.ReadWithinAsync(command, SqliteArticleRows.Read, shape.ByteBudget, cancellationToken);
        return (rows, full ? ids.Count : ArticleReads.ReadThrough(ids, rows));
    }

    public async Task<IReadOnlyList<Article>> ListAfterAsync(long after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"{SqliteArticleRows.Select} WHERE a.seq > $after ORDER BY a.seq LIMIT $limit";
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$limit", limit);
        return await ArticleColumns.ReadAllAsync(command, SqliteArticleRows.Read, cancellationToken);
    }

    public async Task<long> GetLatestSequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(seq), 0) FROM articles";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
