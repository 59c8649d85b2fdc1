using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Cleaning;
using Summaries.Ingestion.Duplicates;
using Summaries.Ingestion.Storage;

namespace Summaries.Ingestion.Tests.Infrastructure;

/// <summary>Store-ready records built the way <see cref="ArticlePreparer"/> builds them, with overrides for store tests.</summary>
public static class TestRecords
{
    public static NewArticleRecord For(
        ArticleInput content, DateTimeOffset now, string? id = null, string? requestId = null, string? hash = null, DateTimeOffset? nextAnnotation = null)
    {
        var cleaned = TextCleaner.Clean(content.Body);
        return new NewArticleRecord(
            id ?? ArticleIds.NewId(now), requestId, content, cleaned, hash ?? ContentHash.Of(cleaned.Text),
            TextFingerprint.Of(cleaned.Text), now, nextAnnotation ?? now);
    }
}
