using Summaries.Ingestion.Cleaning;
using Summaries.Ingestion.Duplicates;

namespace Summaries.Ingestion.Articles;

/// <summary>
/// Turns a create command into what the store needs: normalised, validated, cleaned, hashed and
/// fingerprinted. All the CPU work of an insert happens here, outside the store's write lock.
/// </summary>
public sealed class ArticlePreparer(ArticleValidator validator, TimeProvider time)
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    /// <summary>
    /// Throws <see cref="ServiceDefaults.Errors.ValidationException"/> listing every problem; cleaning a long
    /// body stops with <see cref="OperationCanceledException"/> once the caller has gone or its deadline passed.
    /// </summary>
    public NewArticleRecord Prepare(CreateArticleCommand command, CancellationToken cancellationToken)
    {
        var article = command.Article is null ? null : ArticleNormalizer.Normalize(command.Article);
        // Cleaning is linear and bodies over the limit are refused anyway, so only those within it are cleaned.
        var cleaned = article is not null && article.Body.Length <= validator.MaxBodyChars ? TextCleaner.Clean(article.Body, cancellationToken) : null;
        validator.EnsureValid(article, command.RequestId, cleaned);
        cleaned ??= CleanedText.Empty;
        // Both stores keep microseconds (PostgreSQL's precision), so every store returns what it was given.
        var now = Microseconds(time.GetUtcNow());
        article = article with { PublishTime = article.PublishTime is { } published ? Microseconds(published) : null };
        return new NewArticleRecord(
            ArticleIds.NewId(now), command.RequestId, article, cleaned, ContentHash.Of(cleaned.Text),
            TextFingerprint.Of(cleaned.Text), now, NextAnnotationTime: now);
    }

    private static DateTimeOffset Microseconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TicksPerMicrosecond), TimeSpan.Zero);
}
