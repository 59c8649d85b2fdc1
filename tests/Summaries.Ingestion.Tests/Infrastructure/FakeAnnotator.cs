using System.Collections.Concurrent;
using Summaries.Ingestion.Annotation;
using Summaries.Ingestion.Articles;

namespace Summaries.Ingestion.Tests.Infrastructure;

/// <summary>Stands in for the entity service at the process edge: succeeds, or fails as told, and counts the calls for each article.</summary>
public sealed class FakeAnnotator : IArticleAnnotator
{
    private readonly ConcurrentDictionary<string, int> _callsPerArticle = new(StringComparer.Ordinal);
    private int _calls;
    private int _batchCalls;

    /// <summary>Null: succeed. Otherwise every call fails with this.</summary>
    public AnnotationFailure? FailWith { get; set; }

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Real time each batch call takes (an entity service at work), so that concurrent callers overlap.</summary>
    public TimeSpan BatchCallTime { get; set; }

    /// <summary>When set, calls answer only once this task completes (a slow entity service).</summary>
    public Task? Hold { get; set; }

    /// <summary>How many times each article was sent, by id.</summary>
    public IReadOnlyDictionary<string, int> CallsPerArticle => _callsPerArticle;

    public async Task AnnotateAsync(Article article, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        _callsPerArticle.AddOrUpdate(article.Id, 1, (_, n) => n + 1);
        if (Hold is { } hold)
        {
            await hold.WaitAsync(cancellationToken);
        }

        if ((FailWith ?? FailArticle?.Invoke(article)) is { } failure)
        {
            throw new AnnotationFailedException(failure);
        }
    }

    /// <summary>Calls of <see cref="AnnotateManyAsync"/> (their articles count in <see cref="Calls"/> too).</summary>
    public int BatchCalls => Volatile.Read(ref _batchCalls);

    /// <summary>When set, the articles it gives a failure for fail alone inside a batch that otherwise succeeds.</summary>
    public Func<Article, AnnotationFailure?>? FailArticle { get; set; }

    public async Task<IReadOnlyList<AnnotationFailure?>> AnnotateManyAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _batchCalls);
        Interlocked.Add(ref _calls, articles.Count);
        foreach (var article in articles)
        {
            _callsPerArticle.AddOrUpdate(article.Id, 1, (_, n) => n + 1);
        }

        if (Hold is { } hold)
        {
            await hold.WaitAsync(cancellationToken);
        }

        if (BatchCallTime > TimeSpan.Zero)
        {
            await Task.Delay(BatchCallTime, cancellationToken);
        }

        if (FailWith is { } failure)
        {
            throw new AnnotationFailedException(failure);
        }

        return articles.Select(a => FailArticle?.Invoke(a)).ToList();
    }

    public static AnnotationFailure Refused { get; } = new("entity service: Unavailable: connection refused", Permanent: false, TimedOut: false);

    public static AnnotationFailure TimedOut { get; } = new("entity service: DeadlineExceeded: no answer", Permanent: false, TimedOut: true);
}
