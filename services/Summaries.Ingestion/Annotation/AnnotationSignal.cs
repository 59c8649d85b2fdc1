using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Summaries.Ingestion.Articles;

namespace Summaries.Ingestion.Annotation;

/// <summary>
/// Between the writers of this process and its <see cref="AnnotationWorker"/>: a commit wakes the
/// worker (the articles themselves are in the outbox, the store, not here), and a create that waits
/// for its article's annotation hears when the worker has attempted it. Carries no article to
/// annotate, so it is not a second way into annotation: a lost wake-up costs one poll interval.
/// </summary>
public sealed class AnnotationSignal
{
    // Capacity one: wake-ups coalesce, the worker only needs "something was committed since".
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>Most articles waited for at once (creates in flight, and attempts they stopped waiting for).</summary>
    public const int MaxWaiting = 10_000;

    private readonly ConcurrentDictionary<string, Waiter> _waiting = new(StringComparer.Ordinal);

    /// <summary>Articles were committed: the worker looks at the outbox now rather than at its next poll.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Waits for a <see cref="Wake"/> since the last wait, or <paramref name="poll"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan poll, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(poll, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            await _wake.Reader.ReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed.
        }
    }

    /// <summary>
    /// Completes with the article as recorded once this process's worker has attempted it. A caller
    /// that stops waiting for an article it did not store calls <see cref="Forget"/>; one that stops
    /// because the attempt takes long leaves it, so that the attempt still continues
    /// <paramref name="trace"/> (the create's request: the entity service's work shows in the caller's
    /// trace) and removes it. At most <see cref="MaxWaiting"/> are kept (one left behind when another
    /// replica attempts the article is the cost); past that a create does not wait.
    /// </summary>
    public Task<Article> WhenAttempted(string id, ActivityContext? trace) =>
        _waiting.Count >= MaxWaiting
            ? new TaskCompletionSource<Article>().Task
            : _waiting.GetOrAdd(id, static (_, t) => new Waiter(t), trace).Result.Task;

    /// <summary>The trace of the create waiting for this article, if one is.</summary>
    public ActivityContext? TraceOf(string id) => _waiting.TryGetValue(id, out var waiter) ? waiter.Trace : null;

    public void Forget(string id) => _waiting.TryRemove(id, out _);

    /// <summary>The worker recorded this outcome.</summary>
    public void Attempted(Article article)
    {
        if (_waiting.TryRemove(article.Id, out var waiter))
        {
            waiter.Result.TrySetResult(article);
        }
    }

    private sealed class Waiter(ActivityContext? trace)
    {
        public TaskCompletionSource<Article> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ActivityContext? Trace { get; } = trace;
    }
}
