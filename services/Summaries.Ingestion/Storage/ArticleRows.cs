using System.Globalization;
using Microsoft.Data.Sqlite;
using Summaries.Ingestion.Articles;

namespace Summaries.Ingestion.Storage;

/// <summary>Column list and row mapping shared by every query of <see cref="SqliteArticleStore"/>.</summary>
internal static class ArticleRows
{
    public const string Columns =
        "seq, id, request_id, content_hash, title, body, source, url, publish_time, language, create_time, " +
        "annotation_state, annotation_error, annotation_attempts";

    public static async Task<List<Article>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var articles = new List<Article>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            articles.Add(Read(reader));
        }

        return articles;
    }

    public static async Task<Article?> ReadFirstAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static Article Read(SqliteDataReader r) => new()
    {
        Sequence = r.GetInt64(0),
        Id = r.GetString(1),
        RequestId = r.IsDBNull(2) ? null : r.GetString(2),
        ContentHash = r.GetString(3),
        Title = r.GetString(4),
        Body = r.GetString(5),
        Source = r.GetString(6),
        Url = r.GetString(7),
        PublishTime = r.IsDBNull(8) ? null : ParseTime(r.GetString(8)),
        Language = r.GetString(9),
        CreateTime = ParseTime(r.GetString(10)),
        AnnotationState = (AnnotationState)r.GetInt32(11),
        AnnotationError = r.GetString(12),
        AnnotationAttempts = r.GetInt32(13),
    };

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
