using Summaries.Ingestion.Cleaning;
using Summaries.Ingestion.Duplicates;

namespace Summaries.Ingestion.Articles;

/// <summary>What is derived from a body: its cleaned text (with the map back), the content hash and the fingerprint.</summary>
public sealed record AnalyzedText(CleanedText Cleaned, string ContentHash, TextFingerprint Fingerprint);

/// <summary>
/// Derives from a stored body what a new article gets when it is prepared, for code that works on rows
/// already stored (a schema backfill), so storage does not reach into cleaning or duplicate detection.
/// </summary>
public sealed class ArticleTextAnalyzer
{
    /// <summary>Stops with <see cref="OperationCanceledException"/> when cancelled (cleaning a long body).</summary>
    public AnalyzedText Analyze(string body, CancellationToken cancellationToken)
    {
        var cleaned = TextCleaner.Clean(body, cancellationToken);
        return new AnalyzedText(cleaned, ContentHash.Of(cleaned.Text), TextFingerprint.Of(cleaned.Text));
    }
}
