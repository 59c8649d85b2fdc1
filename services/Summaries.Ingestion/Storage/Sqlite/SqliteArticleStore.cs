using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Duplicates;

namespace Summaries.Ingestion.Storage.Sqlite;

/// <summary>Articles in the service's SQLite file, with plain SQL. Writers are serialised by SQLite itself (BEGIN IMMEDIATE).</summary>
public sealed partial class SqliteArticleStore(SqliteDatabase database, NearDuplicateMatcher matcher) : IArticleStore
{
    internal static readonly Func<DbDataReader, int, DateTimeOffset> ReadTime = (r, i) =>
        DateTimeOffset.Parse(r.GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    /// <summary>Times are stored as round-trip ("O") text in UTC, so text order is time order.</summary>
    internal static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public async Task<Article?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ArticleColumns.List} FROM articles WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return await ArticleColumns.ReadFirstAsync(command, ReadTime, cancellationToken);
    }

    public async Task<IReadOnlyList<Article>> GetManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var names = new List<string>(ids.Count);
        foreach (var id in ids)
        {
            var name = "$i" + names.Count.ToString(CultureInfo.InvariantCulture);
            command.Parameters.AddWithValue(name, id);
            names.Add(name);
        }

        command.CommandText = $"SELECT {ArticleColumns.List} FROM articles WHERE id IN ({string.Join(", ", names)})";
        return await ArticleColumns.ReadAllAsync(command, ReadTime, cancellationToken);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            DELETE FROM article_bands WHERE seq = (SELECT seq FROM articles WHERE id = $id);
            DELETE FROM articles WHERE id = $id;
            """;
        command.Parameters.AddWithValue("$id", id);
        var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted > 0;
    }

    public async Task<StoredArticlePage> ListAsync(
        int pageSize, long? before, ArticleFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = ArticleFilterSql.Where(filter, before, value =>
        {
            var name = "$p" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
            command.Parameters.AddWithValue(name, value is DateTimeOffset time ? FormatTime(time) : value);
            return name;
        });
        // One row more than asked tells whether there is a next page.
        command.CommandText = $"SELECT {ArticleColumns.List} FROM articles{where} ORDER BY seq DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", pageSize + 1);
        var rows = await ArticleColumns.ReadAllAsync(command, ReadTime, cancellationToken);
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
        command.CommandText = $"SELECT {ArticleColumns.List} FROM articles WHERE seq > $after ORDER BY seq LIMIT $limit";
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$limit", limit);
        return await ArticleColumns.ReadAllAsync(command, ReadTime, cancellationToken);
    }

    public async Task<long> GetLatestSequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(seq), 0) FROM articles";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
