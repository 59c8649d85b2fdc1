namespace Summaries.Ingestion.Articles;

/// <summary>
/// Light normalisation only: trimming and line endings. The body is otherwise kept exactly as sent,
/// because the entity service's character offsets refer to the stored body.
/// </summary>
public static class ArticleNormalizer
{
    public const string DefaultLanguage = "en";

    public static ArticleInput Normalize(ArticleInput article) => article with
    {
        Title = Text(article.Title),
        Body = Text(article.Body),
        Source = Text(article.Source),
        Url = (article.Url ?? string.Empty).Trim(),
        Language = string.IsNullOrWhiteSpace(article.Language) ? DefaultLanguage : article.Language.Trim(),
    };

    /// <summary>CRLF and lone CR become LF, then surrounding whitespace is trimmed.</summary>
    public static string Text(string? value) =>
        (value ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
}
