using Summaries.Ingestion.Cleaning;
using Summaries.ServiceDefaults.Naming;

namespace Summaries.Ingestion.Articles;

/// <summary>A stored article as the domain sees it; the gRPC adapter maps it to the proto.</summary>
public sealed record Article
{
    /// <summary>Short random id; the resource name is <c>articles/{Id}</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Position in the store; strictly increasing in commit order. The watch cursor and the list sort key.</summary>
    public required long Sequence { get; init; }

    public required string Title { get; init; }

    /// <summary>The body exactly as the client sent it; entity offsets and citations refer to this text.</summary>
    public required string Body { get; init; }

    /// <summary>The body without captions, boilerplate and whitespace noise, in NFC; what hashing and dedupe compare.</summary>
    public required string CleanedBody { get; init; }

    /// <summary>How <see cref="CleanedBody"/> maps onto <see cref="Body"/>.</summary>
    public required SegmentList CleanedSegments { get; init; }

    public required string Source { get; init; }

    public required string Url { get; init; }

    public required DateTimeOffset? PublishTime { get; init; }

    public required string Language { get; init; }

    public required DateTimeOffset CreateTime { get; init; }

    /// <summary>SHA-256 (lowercase hex) of <see cref="CleanedBody"/>.</summary>
    public required string ContentHash { get; init; }

    /// <summary>Name of the original this article is a near-duplicate of; empty for an original.</summary>
    public required string DuplicateOf { get; init; }

    /// <summary>Jaccard similarity to <see cref="DuplicateOf"/>; 0 for an original.</summary>
    public required double DuplicateSimilarity { get; init; }

    /// <summary>
    /// Id of the near-duplicate group: the original's id, shared by the original and every
    /// near-duplicate of it (named <c>duplicateGroups/{id}</c> on the wire).
    /// </summary>
    public required string DuplicateGroup { get; init; }

    /// <summary>The idempotency key the article was first stored under, if any.</summary>
    public required string? RequestId { get; init; }

    public required AnnotationState AnnotationState { get; init; }

    /// <summary>Last annotation error; empty once annotated.</summary>
    public required string AnnotationError { get; init; }

    /// <summary>Failed annotation attempts so far.</summary>
    public required int AnnotationAttempts { get; init; }

    public string Name => ResourceNames.Articles.Format(Id);
}
