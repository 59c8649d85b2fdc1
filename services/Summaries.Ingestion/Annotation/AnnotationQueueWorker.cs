using Summaries.Ingestion.Storage;

namespace Summaries.Ingestion.Annotation;

/// <summary>
/// Makes the first annotation attempt for articles stored by a stream, in commit order and in batches:
/// one small read and one write transaction per batch, and BatchAnnotateArticles calls of several articles each.
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
                var batch = await queue.TakeBatchAsync(BatchSize, stoppingToken);
                try
                {
                    // An article may have been deleted, or tried by the retry worker, meanwhile: only the
                    // ones still waiting for their first attempt go.
                    var awaiting = await store.FilterAwaitingFirstAnnotationAsync(batch.Select(a => a.Id).ToList(), stoppingToken);
                    var articles = batch.Where(a => awaiting.Contains(a.Id)).OrderBy(a => a.Sequence).ToList();
                    await dispatcher.AnnotateNewBatchAsync(articles, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, batch.Count, ex);
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
