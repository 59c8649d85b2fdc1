using System.Data.Common;
using Summaries.Ingestion.Articles;

namespace Summaries.Ingestion.Storage.Sqlite;

/// <summary>
/// The SQLite form of <see cref="ArticleColumns.List"/>: the article from <c>articles a</c>, its
/// annotation bookkeeping from <c>article_annotations n</c> (schema v3), in the same order, then the
/// cleaned-body patch (<see cref="SqliteCleanedBody"/>).
/// </summary>
internal static class SqliteArticleRows
{
    private const int PatchOrdinal = 19;

    /// <summary>"SELECT … FROM articles a JOIN article_annotations n ON n.seq = a.seq"; append WHERE/ORDER BY with a./n. columns.</summary>
    public static readonly string Select =
        "SELECT " + string.Join(", ", ArticleColumns.List.Split(", ").Select(Qualify))
        + ", a.cleaned_patch FROM articles a JOIN article_annotations n ON n.seq = a.seq";

    /// <summary><see cref="Select"/> for <paramref name="view"/>: the basic view leaves the bodies and the patch unread.</summary>
    public static string SelectFor(ArticleView view) =>
        view == ArticleView.Basic
            ? Select.Replace("a.body, a.cleaned_body, a.cleaned_segments", "'', '', NULL", StringComparison.Ordinal)
                .Replace("a.cleaned_patch", "NULL", StringComparison.Ordinal)
            : Select;

    /// <summary>Reads a row of <see cref="Select"/>.</summary>
    public static readonly Func<DbDataReader, Article> Read = r =>
    {
        var article = ArticleColumns.Read(r, SqliteArticleStore.ReadTime);
        return r.IsDBNull(PatchOrdinal)
            ? article
            : article with { CleanedBody = SqliteCleanedBody.Rebuild(article.Body, article.CleanedSegments, r.GetString(PatchOrdinal)) };
    };

    private static string Qualify(string column) => column switch
    {
        "annotation_state" => "n.state",
        "annotation_error" => "n.error",
        "annotation_attempts" => "n.attempts",
        _ => "a." + column,
    };
}
