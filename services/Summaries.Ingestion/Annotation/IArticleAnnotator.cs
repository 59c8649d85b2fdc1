using Summaries.Ingestion.Articles;

namespace Summaries.Ingestion.Annotation;

/// <summary>Asks the entity service to annotate an article; the seam between this service and that one.</summary>
public interface IArticleAnnotator
{
    /// <summary>Throws <see cref="AnnotationFailedException"/> when the entity service did not annotate it.</summary>
    Task AnnotateAsync(Article article, CancellationToken cancellationToken);

    /// <summary>
    /// Several articles in one call: per article, in order, null when it was annotated or why it was
    /// not. Throws <see cref="AnnotationFailedException"/> when the call as a whole failed.
    /// </summary>
    Task<IReadOnlyList<AnnotationFailure?>> AnnotateManyAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken);
}

/// <summary>Why an annotation attempt failed, and whether trying again can help.</summary>
/// <param name="Message">Short text stored in <c>annotation_error</c>.</param>
/// <param name="Permanent">The entity service rejected the article itself; retrying cannot help.</param>
/// <param name="TimedOut">The entity service did not answer before the deadline (slow or unreachable network).</param>
public sealed record AnnotationFailure(string Message, bool Permanent, bool TimedOut);

/// <summary>An annotation attempt failed.</summary>
public sealed class AnnotationFailedException(AnnotationFailure failure, Exception? inner = null)
    : Exception(failure.Message, inner)
{
    public AnnotationFailure Failure { get; } = failure;
}
