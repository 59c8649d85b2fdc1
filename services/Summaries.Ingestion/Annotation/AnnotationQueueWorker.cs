using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Storage;

namespace Summaries.Ingestion.Annotation;

/// <summary>
/// Makes the first annotation attempt for articles stored by a stream, in commit order and in batches:
/// one read and one write transaction per batch, one entity-service call per article.
/// </summary>
public sealed partial class AnnotationQueueWorker(
    AnnotationQueue queue, IArticleStore store, AnnotationDispatcher dispatcher, ILogger<AnnotationQueueWorker> logger) : BackgroundService
{
    private const int BatchSize = 64;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var ids = await queue.TakeBatchAsync(BatchSize, stoppingToken);
                try
                {
                    // Re-read: an article may have been deleted, or annotated by the retry worker meanwhile.
                    var articles = (await store.GetManyAsync(ids, stoppingToken))
                        .Where(a => a is { AnnotationState: AnnotationState.Pending, AnnotationAttempts: 0 })
                        .OrderBy(a => a.Sequence)
                        .ToList();
                    await dispatcher.AnnotateNewBatchAsync(articles, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ids.Count, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; what is left is PENDING in the store for the retry worker.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "First annotation attempts for a batch of {Count} articles failed unexpectedly; the retry worker will get to them")]
    private static partial void LogFailed(ILogger logger, int count, Exception exception);
}
