using Microsoft.Extensions.Options;
using Summaries.Summary.Clients;
using Summaries.Summary.Sources;

namespace Summaries.Summary.Stories;

/// <summary>
/// Reads the articles to group from the ingestion service (newest stored first) and their entities
/// from the entity service. Bounded: at most <see cref="StoryOptions.MaxScanned"/> articles are
/// scanned, in the basic view (no bodies), and <see cref="StoryOptions.MaxCandidates"/> kept; only the
/// kept ones are read whole (grouping compares their cleaned text), in BatchGetArticles calls that
/// ingestion keeps within its byte budget.
/// </summary>
public sealed class StoryCandidateSource(SourceGatherer gatherer, IOptions<StoryOptions> options)
{
    /// <summary>Articles per ListArticles page: pages are read without bodies, and ingestion ends one early at its byte budget.</summary>
    private const int PageSize = 200;

    private const int ParallelAnnotationReads = 8;

    /// <summary>
    /// The most recently stored articles (stored at or before <paramref name="asOf"/>) whose publish
    /// time, or store time without one, lies in [from, until).
    /// </summary>
    public async Task<IReadOnlyList<StoryCandidate>> RecentAsync(
        DateTimeOffset? from, DateTimeOffset? until, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var articles = new List<SourceArticle>();
        var scanned = 0;
        var token = string.Empty;
        do
        {
            var page = await ListAsync(token, cancellationToken);
            scanned += page.Articles.Count;
            articles.AddRange(page.Articles.Where(a =>
            {
                var when = a.PublishTime ?? a.CreateTime;
                return a.CreateTime <= asOf && (from is null || when >= from) && (until is null || when < until);
            }));
            token = page.NextPageToken;
        }
        while (token.Length > 0 && articles.Count < o.MaxCandidates && scanned < o.MaxScanned);

        // Deleted since the page was read: left out.
        var chosen = await gatherer.GetArticlesAsync(articles.Take(o.MaxCandidates).Select(a => a.Name).ToList(), cancellationToken);
        var candidates = new StoryCandidate[chosen.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, chosen.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelAnnotationReads, CancellationToken = cancellationToken },
            async (i, ct) => candidates[i] = ToCandidate(chosen[i], await gatherer.GetAnnotationAsync(chosen[i], ct)));
        return candidates;
    }

    private Task<SourceArticlePage> ListAsync(string token, CancellationToken cancellationToken) =>
        gatherer.ListArticleHeadersAsync(PageSize, token, cancellationToken);

    private static StoryCandidate ToCandidate(SourceArticle a, SourceAnnotation annotation) => new(
        a.Name,
        a.Title,
        string.IsNullOrEmpty(a.CleanedBody) ? a.Body : a.CleanedBody,
        a.PublishTime,
        a.CreateTime,
        a.DuplicateGroup,
        StoryCandidate.EntitiesOf(annotation));
}
