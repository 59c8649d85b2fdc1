namespace Summaries.Summary.Sources;

/// <summary>
/// An article as the ingestion service keeps it: the body as received and cleaned, when it was
/// published (if known) and stored, and the id of the near-duplicate group it was put in (null
/// when none).
/// </summary>
public sealed record SourceArticle(
    string Name,
    string Title,
    string Body,
    string CleanedBody,
    string Source,
    DateTimeOffset? PublishTime,
    DateTimeOffset? CreateTime,
    string ContentHash,
    string? DuplicateGroup);

/// <summary>A page of ingestion's article list and the token for the next one (empty at the end).</summary>
public sealed record SourceArticlePage(IReadOnlyList<SourceArticle> Articles, string NextPageToken);
