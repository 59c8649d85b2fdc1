using System.Text;

namespace Summaries.Ingestion.Articles;

/// <summary>How much of each article a read returns (AIP-157).</summary>
public enum ArticleView
{
    /// <summary>Every field.</summary>
    Full,

    /// <summary>
    /// Every field except the body, the cleaned body and its segments: the store does not read them,
    /// so a listing that only groups or picks articles costs a fraction of the bytes.
    /// </summary>
    Basic,
}

/// <summary>How a read that returns several articles is shaped: the view, and the byte budget of one response.</summary>
/// <param name="View">Which fields are read.</param>
/// <param name="ByteBudget">
/// Roughly the most bytes of articles one response carries; the read stops before the article that
/// would pass it, though it always returns the first. <see cref="long.MaxValue"/>: no budget.
/// </param>
public sealed record ArticleReadShape(ArticleView View, long ByteBudget)
{
    /// <summary>Every field, no budget: what the store's callers inside the service read.</summary>
    public static ArticleReadShape Unbounded { get; } = new(ArticleView.Full, long.MaxValue);

    /// <summary>
    /// Roughly the bytes <paramref name="article"/> takes in a response: its text fields in UTF-8, its
    /// segments, and a fixed allowance for the small fields and the framing. An estimate, not the
    /// encoded size, so that the store can measure rows as it reads them.
    /// </summary>
    public static long SizeOf(Article article) =>
        256L
        + Encoding.UTF8.GetByteCount(article.Title)
        + Encoding.UTF8.GetByteCount(article.Body)
        + Encoding.UTF8.GetByteCount(article.CleanedBody)
        + (20L * article.CleanedSegments.Count)
        + Encoding.UTF8.GetByteCount(article.Source)
        + Encoding.UTF8.GetByteCount(article.Url)
        + article.ContentHash.Length + article.DuplicateGroup.Length + article.DuplicateOf.Length + article.AnnotationError.Length;
}
