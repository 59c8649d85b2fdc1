using Summaries.Ingestion.Annotation;
using Summaries.Ingestion.Articles;

namespace Summaries.Ingestion.Tests.Infrastructure;

/// <summary>Stands in for the entity service at the process edge: succeeds, or fails as told.</summary>
public sealed class FakeAnnotator : IArticleAnnotator
{
    private int _calls;

    /// <summary>Null: succeed. Otherwise every call fails with this.</summary>
    public AnnotationFailure? FailWith { get; set; }

    public int Calls => Volatile.Read(ref _calls);

    public Task AnnotateAsync(Article article, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return FailWith is { } failure ? Task.FromException(new AnnotationFailedException(failure)) : Task.CompletedTask;
    }

    public static AnnotationFailure Refused { get; } = new("entity service: Unavailable: connection refused", Permanent: false, TimedOut: false);

    public static AnnotationFailure TimedOut { get; } = new("entity service: DeadlineExceeded: no answer", Permanent: false, TimedOut: true);
}
