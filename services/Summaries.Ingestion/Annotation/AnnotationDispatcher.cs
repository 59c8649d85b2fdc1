using System.Diagnostics;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Storage;

namespace Summaries.Ingestion.Annotation;

/// <summary>
/// Sends articles claimed from the outbox to the entity service and records the outcomes. Never
/// throws because of the entity service: storing an article must not depend on it.
/// </summary>
public sealed partial class AnnotationDispatcher(
    IArticleAnnotator annotator,
    IArticleStore store,
    AnnotationPolicy policy,
    EntityServiceCircuit circuit,
    AnnotationSignal signal,
    TimeProvider time,
    IngestionTelemetry telemetry,
    ILogger<AnnotationDispatcher> logger)
{
    /// <summary>Most articles in one BatchAnnotateArticles call.</summary>
    public const int ArticlesPerCall = 16;

    /// <summary>Most characters of text in one call: a few large articles go in calls of their own.</summary>
    public const long MaxCharsPerCall = 1_000_000;

    /// <summary>Most calls of one claim in flight at once.</summary>
    public const int ParallelCalls = 4;

    /// <summary>
    /// One attempt for each article, <see cref="ArticlesPerCall"/> to a call and up to
    /// <see cref="ParallelCalls"/> calls at a time (skipped while the entity service is timing out),
    /// with all the outcomes recorded in one transaction, which also ends the articles' claims.
    /// Returns the articles with their new annotation state, in order.
    /// </summary>
    public async Task<IReadOnlyList<Article>> AnnotateAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        var updates = new KeyValuePair<string, AnnotationUpdate>[articles.Count];
        // Several articles to a call: what a call costs besides its texts (an HTTP/2 request, headers,
        // a deadline, a response) is paid once for all of them.
        await Parallel.ForEachAsync(
            Calls(articles),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelCalls, CancellationToken = cancellationToken },
            async (range, token) =>
            {
                var slice = articles.Take(range).ToList();
                IReadOnlyList<AnnotationUpdate> outcomes;
                if (circuit.IsOpen)
                {
                    slice.ForEach(a => Count("skipped", a));
                    outcomes = slice.Select(a => policy.OnSkipped(a, time.GetUtcNow())).ToList();
                }
                else
                {
                    // A call for an article whose create waits (or waited) continues that create's
                    // trace. By context, not the request's activity: that one may have ended (a
                    // create answers after CreateWait), and an ended activity cannot be made current.
                    var trace = slice.Select(a => signal.TraceOf(a.Id)).FirstOrDefault(t => t is not null);
                    using var parent = trace is { } context
                        ? new Activity("AnnotateCreatedArticle").SetParentId(context.TraceId, context.SpanId, context.TraceFlags).Start()
                        : null;
                    outcomes = await TryAnnotateManyAsync(slice, token);
                }

                for (var i = 0; i < slice.Count; i++)
                {
                    updates[range.Start.Value + i] = new(slice[i].Id, outcomes[i]);
                }
            });

        // The calls are made: their outcomes are recorded even when the worker is stopping.
        await store.UpdateAnnotationsAsync(updates, CancellationToken.None);
        return articles.Select((article, i) => article with
        {
            AnnotationState = updates[i].Value.State,
            AnnotationError = updates[i].Value.Error,
            AnnotationAttempts = updates[i].Value.Attempts,
        }).ToList();
    }

    /// <summary>Consecutive ranges of at most <see cref="ArticlesPerCall"/> articles and (unless one alone is larger) <see cref="MaxCharsPerCall"/> characters.</summary>
    private static List<Range> Calls(IReadOnlyList<Article> articles)
    {
        var calls = new List<Range>();
        var start = 0;
        long chars = 0;
        for (var i = 0; i < articles.Count; i++)
        {
            if (i > start && (i - start == ArticlesPerCall || chars + articles[i].Body.Length > MaxCharsPerCall))
            {
                calls.Add(start..i);
                start = i;
                chars = 0;
            }

            chars += articles[i].Body.Length;
        }

        if (start < articles.Count)
        {
            calls.Add(start..articles.Count);
        }

        return calls;
    }

    private async Task<IReadOnlyList<AnnotationUpdate>> TryAnnotateManyAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        using var activity = telemetry.ActivitySource.StartActivity("BatchAnnotateArticles");
        activity?.SetTag("article.count", articles.Count);
        try
        {
            var failures = await annotator.AnnotateManyAsync(articles, cancellationToken);
            circuit.RecordSuccess();
            return articles.Select((article, i) => failures[i] is { } failure ? Failed(article, failure) : Succeeded(article)).ToList();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failure = CallFailed(ex, activity);
            return articles.Select(article => Failed(article, failure)).ToList();
        }
    }

    /// <summary>Why a call failed; a timeout opens the circuit, and the call's activity records the error.</summary>
    private AnnotationFailure CallFailed(Exception ex, Activity? activity)
    {
        var failure = ex is AnnotationFailedException failed
            ? failed.Failure
            : new AnnotationFailure($"{ex.GetType().Name}: {ex.Message}", Permanent: false, TimedOut: false);
        if (failure.TimedOut)
        {
            circuit.RecordTimeout();
        }

        activity?.SetStatus(ActivityStatusCode.Error, failure.Message);
        return failure;
    }

    private AnnotationUpdate Succeeded(Article article)
    {
        var update = policy.OnSuccess(article);
        LogAnnotated(logger, article.Name);
        Count(OutcomeTag(update.State), article);
        return update;
    }

    private AnnotationUpdate Failed(Article article, AnnotationFailure failure)
    {
        var update = policy.OnFailure(article, failure, time.GetUtcNow());
        LogFailed(logger, article.Name, update.Attempts, update.State, failure.Message);
        Count(OutcomeTag(update.State), article);
        return update;
    }

    private void Count(string outcome, Article article) =>
        telemetry.AnnotationAttempts.Add(
            1,
            new KeyValuePair<string, object?>("outcome", outcome),
            new KeyValuePair<string, object?>("attempt", article.AnnotationAttempts == 0 ? "first" : "retry"));

    private static string OutcomeTag(AnnotationState state) => state switch
    {
        AnnotationState.Done => "done",
        AnnotationState.Pending => "pending",
        _ => "failed",
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Annotated {ArticleName}")]
    private static partial void LogAnnotated(ILogger logger, string articleName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Annotation of {ArticleName} failed (attempt {Attempts}, now {State}): {Error}")]
    private static partial void LogFailed(ILogger logger, string articleName, int attempts, AnnotationState state, string error);
}
