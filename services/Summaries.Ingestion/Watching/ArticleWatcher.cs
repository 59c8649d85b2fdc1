using System.Runtime.CompilerServices;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Storage;

namespace Summaries.Ingestion.Watching;

/// <summary>
/// Follows the store in sequence order: first the backlog after a cursor, then new articles as they
/// are committed, with no gaps and no duplicates.
/// </summary>
public sealed class ArticleWatcher(IArticleStore store, ArticleBroadcaster broadcaster, IHostApplicationLifetime lifetime)
{
    private const int ReadBatch = 100;

    /// <summary>
    /// Articles after <paramref name="after"/> (null: only those committed from now on). Ends without
    /// an error when <paramref name="cancellationToken"/> fires or the service shuts down.
    /// </summary>
    public async IAsyncEnumerable<Article> WatchAsync(
        long? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        // Subscribing before reading the backlog means no commit can slip between the two.
        using var subscription = broadcaster.Subscribe();
        var last = after ?? await store.GetLatestSequenceAsync(stop.Token);
        while (!stop.IsCancellationRequested)
        {
            IReadOnlyList<Article> batch;
            try
            {
                batch = await store.ListAfterAsync(last, ReadBatch, stop.Token);
                if (batch.Count == 0)
                {
                    await subscription.WaitAsync(stop.Token);
                    continue;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                yield break;
            }

            foreach (var article in batch)
            {
                // Reading strictly after the last sequence sent is the de-duplication.
                last = article.Sequence;
                yield return article;
            }
        }
    }
}
