namespace Summaries.Ingestion.Articles;

/// <summary>
/// Trims the short fields and defaults the language. The body is left exactly as sent: other services
/// cite offsets into it, and <see cref="Cleaning.TextCleaner"/> makes the cleaned copy used for
/// comparison, with a map back to it.
/// </summary>
public static class ArticleNormalizer
{
    public const string DefaultLanguage = "en";

    public static ArticleInput Normalize(ArticleInput article) => article with
    {
        Title = Text(article.Title),
        Body = article.Body ?? string.Empty,
        Source = Text(article.Source),
        Url = (article.Url ?? string.Empty).Trim(),
        Language = string.IsNullOrWhiteSpace(article.Language) ? DefaultLanguage : article.Language.Trim(),
    };

    /// <summary>CRLF and lone CR become LF, then surrounding whitespace is trimmed.</summary>
    public static string Text(string? value) =>
        (value ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
}
