using System.Data.Common;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Cleaning;
using Summaries.Ingestion.Duplicates;
using Summaries.ServiceDefaults.Naming;

namespace Summaries.Ingestion.Storage;

/// <summary>The column list every article query selects, in both stores, and reading a row of it.</summary>
internal static class ArticleColumns
{
    public const string List =
        "seq, id, request_id, content_hash, title, body, cleaned_body, cleaned_segments, source, url, publish_time, language, " +
        "create_time, duplicate_of, duplicate_similarity, story, annotation_state, annotation_error, annotation_attempts";

    /// <summary>
    /// <see cref="List"/> for <paramref name="view"/>: the basic view reads the same columns in the same
    /// places, with the body, cleaned body and segments left unread (empty).
    /// </summary>
    public static string ListFor(ArticleView view) =>
        view == ArticleView.Basic ? List.Replace("body, cleaned_body, cleaned_segments", "'', '', NULL", StringComparison.Ordinal) : List;

    /// <summary>The same list with every column qualified by <paramref name="alias"/>.</summary>
    public static string Qualified(string alias) =>
        string.Join(", ", List.Split(", ").Select(c => alias + "." + c));

    /// <summary><see cref="ListFor"/> with every column qualified by <paramref name="alias"/>.</summary>
    public static string QualifiedFor(ArticleView view, string alias) =>
        view == ArticleView.Basic
            ? Qualified(alias).Replace($"{alias}.body, {alias}.cleaned_body, {alias}.cleaned_segments", "'', '', NULL", StringComparison.Ordinal)
            : Qualified(alias);

    /// <summary>Reads one row; <paramref name="time"/> reads a time column the way the provider stores it.</summary>
    public static Article Read(DbDataReader r, Func<DbDataReader, int, DateTimeOffset> time) => new()
    {
        Sequence = r.GetInt64(0),
        Id = r.GetString(1),
        RequestId = r.IsDBNull(2) ? null : r.GetString(2),
        ContentHash = r.GetString(3),
        Title = r.GetString(4),
        Body = r.GetString(5),
        CleanedBody = r.GetString(6),
        CleanedSegments = r.IsDBNull(7) ? SegmentList.Empty : SegmentCodec.Decode(r.GetFieldValue<byte[]>(7)),
        Source = r.GetString(8),
        Url = r.GetString(9),
        PublishTime = r.IsDBNull(10) ? null : time(r, 10),
        Language = r.GetString(11),
        CreateTime = time(r, 12),
        DuplicateOf = r.GetString(13),
        DuplicateSimilarity = Math.Round(r.GetDouble(14), 4),
        DuplicateGroup = DuplicateGroupColumn.GroupId(r.GetString(15)),
        AnnotationState = (AnnotationState)r.GetInt32(16),
        AnnotationError = r.GetString(17),
        AnnotationAttempts = r.GetInt32(18),
    };

    /// <summary>
    /// The row an insert just wrote, built from what was written rather than read back (a body is
    /// written twice already, body and cleaned body; reading both back again costs as much).
    /// </summary>
    public static Article Inserted(NewArticleRecord record, long sequence, DuplicateMatch? match) => new()
    {
        Sequence = sequence,
        Id = record.Id,
        RequestId = string.IsNullOrEmpty(record.RequestId) ? null : record.RequestId,
        ContentHash = record.ContentHash,
        Title = record.Content.Title,
        Body = record.Content.Body,
        CleanedBody = record.Cleaned.Text,
        CleanedSegments = record.Cleaned.Segments,
        Source = record.Content.Source,
        Url = record.Content.Url,
        PublishTime = record.Content.PublishTime?.ToUniversalTime(),
        Language = record.Content.Language,
        CreateTime = record.CreateTime.ToUniversalTime(),
        DuplicateOf = match is null ? string.Empty : ResourceNames.Articles.Format(match.Id),
        DuplicateSimilarity = Math.Round(match?.Similarity ?? 0, 4),
        DuplicateGroup = match?.DuplicateGroup ?? record.Id,
        AnnotationState = AnnotationState.Pending,
        AnnotationError = string.Empty,
        AnnotationAttempts = 0,
    };

    /// <summary>
    /// The rows, each read by <paramref name="read"/>, until the one that would take the total past
    /// <paramref name="byteBudget"/> (<see cref="ArticleReadShape.SizeOf"/>): that row is dropped and
    /// reading stops, so memory holds at most the budget and one row. The first row is always kept.
    /// <c>Full</c> is false when the budget ended the read.
    /// </summary>
    public static async Task<(List<Article> Rows, bool Full)> ReadWithinAsync(
        DbCommand command, Func<DbDataReader, Article> read, long byteBudget, CancellationToken cancellationToken)
    {
        var articles = new List<Article>();
        long total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var article = read(reader);
            total += ArticleReadShape.SizeOf(article);
            if (total > byteBudget && articles.Count > 0)
            {
                return (articles, false);
            }

            articles.Add(article);
        }

        return (articles, true);
    }

    /// <summary>Every row, each read by <paramref name="read"/> (the store's way of reading a row of this list).</summary>
    public static async Task<List<Article>> ReadAllAsync(
        DbCommand command, Func<DbDataReader, Article> read, CancellationToken cancellationToken)
    {
        var articles = new List<Article>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            articles.Add(read(reader));
        }

        return articles;
    }

    public static async Task<Article?> ReadFirstAsync(
        DbCommand command, Func<DbDataReader, Article> read, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? read(reader) : null;
    }
}
