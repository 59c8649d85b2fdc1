namespace Summaries.Summary.Sources;

/// <summary>
/// One source article with its annotation, as gathered from the ingestion and entity services.
/// The annotation's offsets refer to <see cref="Body"/>.
/// </summary>
public sealed record SourceDocument(
    string ArticleName,
    string Title,
    string Body,
    string Source,
    DateTimeOffset? PublishTime,
    string ContentHash,
    SourceAnnotation Annotation);
