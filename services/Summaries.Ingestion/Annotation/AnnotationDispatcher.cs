using System.Diagnostics;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Storage;

namespace Summaries.Ingestion.Annotation;

/// <summary>
/// Sends a committed article to the entity service and records the outcome. Never throws because of
/// the entity service: storing an article must not depend on it.
/// </summary>
public sealed partial class AnnotationDispatcher(
    IArticleAnnotator annotator,
    IArticleStore store,
    AnnotationPolicy policy,
    EntityServiceCircuit circuit,
    TimeProvider time,
    IngestionTelemetry telemetry,
    ILogger<AnnotationDispatcher> logger)
{
    /// <summary>Most first attempts of a stream's batch in flight at once.</summary>
    public const int ParallelCalls = 8;

    /// <summary>The first attempt, right after commit; skipped while the entity service is known to be timing out.</summary>
    public async Task<Article> AnnotateNewAsync(Article article, CancellationToken cancellationToken)
    {
        if (!circuit.IsOpen)
        {
            return await AttemptAsync(article, cancellationToken);
        }

        CountSkipped(article);
        return await RecordAsync(article, policy.OnSkipped(article, time.GetUtcNow()));
    }

    /// <summary>One attempt; returns the article with its new annotation state.</summary>
    public async Task<Article> AttemptAsync(Article article, CancellationToken cancellationToken)
    {
        var update = await TryAnnotateAsync(article, cancellationToken);
        return await RecordAsync(article, update);
    }

    /// <summary>
    /// First attempts for articles stored by a stream, up to <see cref="ParallelCalls"/> calls at a time
    /// (skipped while the entity service is timing out), with all the outcomes recorded in one transaction.
    /// </summary>
    public async Task AnnotateNewBatchAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        var updates = new KeyValuePair<string, AnnotationUpdate>[articles.Count];
        // One call at a time, the round trips alone capped annotation below the rate articles are stored.
        await Parallel.ForEachAsync(
            Enumerable.Range(0, articles.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelCalls, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var article = articles[i];
                AnnotationUpdate update;
                if (circuit.IsOpen)
                {
                    CountSkipped(article);
                    update = policy.OnSkipped(article, time.GetUtcNow());
                }
                else
                {
                    update = await TryAnnotateAsync(article, token);
                }

                updates[i] = new(article.Id, update);
            });

        // The articles are committed and the caller may be gone: the bookkeeping is not cancelled.
        await store.UpdateAnnotationsAsync(updates, CancellationToken.None);
    }

    private async Task<AnnotationUpdate> TryAnnotateAsync(Article article, CancellationToken cancellationToken)
    {
        using var activity = telemetry.ActivitySource.StartActivity("AnnotateArticle");
        activity?.SetTag("article.name", article.Name);
        AnnotationUpdate update;
        try
        {
            await annotator.AnnotateAsync(article, cancellationToken);
            circuit.RecordSuccess();
            update = policy.OnSuccess(article);
            LogAnnotated(logger, article.Name);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failure = ex is AnnotationFailedException failed
                ? failed.Failure
                : new AnnotationFailure($"{ex.GetType().Name}: {ex.Message}", Permanent: false, TimedOut: false);
            if (failure.TimedOut)
            {
                circuit.RecordTimeout();
            }

            update = policy.OnFailure(article, failure, time.GetUtcNow());
            activity?.SetStatus(ActivityStatusCode.Error, failure.Message);
            LogFailed(logger, article.Name, update.Attempts, update.State, failure.Message);
        }

        Count(OutcomeTag(update.State), article);
        return update;
    }

    private async Task<Article> RecordAsync(Article article, AnnotationUpdate update)
    {
        // The article is already committed and the caller may be gone: the bookkeeping is not cancelled.
        await store.UpdateAnnotationAsync(article.Id, update, CancellationToken.None);
        return article with
        {
            AnnotationState = update.State,
            AnnotationError = update.Error,
            AnnotationAttempts = update.Attempts,
        };
    }

    private void CountSkipped(Article article) => Count("skipped", article);

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
