using Summaries.Ingestion.Cleaning;
using Summaries.Ingestion.Duplicates;

namespace Summaries.Ingestion.Articles;

/// <summary>
/// An article about to be stored: normalised, validated, cleaned, hashed and fingerprinted. It enters
/// the annotation outbox PENDING, due at <c>NextAnnotationTime</c> (its create time).
/// </summary>
public sealed record NewArticleRecord(
    string Id,
    string? RequestId,
    ArticleInput Content,
    CleanedText Cleaned,
    string ContentHash,
    TextFingerprint Fingerprint,
    DateTimeOffset CreateTime,
    DateTimeOffset NextAnnotationTime);
