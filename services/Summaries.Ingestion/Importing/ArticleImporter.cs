using System.Runtime.CompilerServices;
using Summaries.Ingestion.Annotation;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Storage;
using Summaries.Ingestion.Watching;
using Summaries.ServiceDefaults.Errors;

namespace Summaries.Ingestion.Importing;

/// <summary>
/// Stores a stream of articles as it arrives. Items already waiting in the transport are committed
/// together (group commit: one transaction, one fsync), but a group never waits for more input: as
/// soon as the next item is not there yet, what is there is committed and acknowledged. The next
/// message is only read once the previous ones are handled, so HTTP/2 flow control holds a fast
/// client back and the server never buffers the stream. Annotation is queued, never awaited.
/// </summary>
public sealed partial class ArticleImporter(
    ArticlePreparer preparer,
    IArticleStore store,
    ArticleBroadcaster broadcaster,
    AnnotationQueue annotationQueue,
    IngestionTelemetry telemetry,
    ILogger<ArticleImporter> logger)
{
    private const int MaxGroupItems = 64;
    private const long MaxGroupChars = 4_000_000;

    /// <summary>One result per item, in order. Throws <see cref="BatchLimitExceededException"/> at item <paramref name="maxItems"/> + 1.</summary>
    public async IAsyncEnumerable<ImportResult> ImportAsync(
        IAsyncEnumerable<ImportItem> items, int? maxItems, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var group = new List<PendingItem>();
        long groupChars = 0;
        var index = 0;
        await using var enumerator = items.GetAsyncEnumerator(cancellationToken);
        var next = enumerator.MoveNextAsync();
        var reading = true;
        try
        {
            while (true)
            {
                if (group.Count > 0 && (!next.IsCompleted || group.Count >= MaxGroupItems || groupChars >= MaxGroupChars))
                {
                    foreach (var result in await FlushAsync(group, cancellationToken))
                    {
                        yield return result;
                    }

                    group.Clear();
                    groupChars = 0;
                }

                reading = false;
                if (!await next)
                {
                    break;
                }

                if (maxItems is { } limit && index >= limit)
                {
                    // What came before the limit is stored, as the error promises; its results go with the call.
                    await FlushAsync(group, cancellationToken);
                    throw new BatchLimitExceededException(limit);
                }

                var pending = Prepare(index++, enumerator.Current);
                group.Add(pending);
                groupChars += pending.Record?.Content.Body.Length ?? 0;
                next = enumerator.MoveNextAsync();
                reading = true;
            }

            foreach (var result in await FlushAsync(group, cancellationToken))
            {
                yield return result;
            }
        }
        finally
        {
            // The caller stopped early (its client went away) while a read was in flight: let that read
            // finish (it ends with the call) before the enumerator is disposed under it.
            if (reading)
            {
                try
                {
                    await next;
                }
                catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException or global::Grpc.Core.RpcException)
                {
                    // The call is over either way.
                }
            }
        }
    }

    private PendingItem Prepare(int index, ImportItem item)
    {
        if (item.Invalid is not null || item.Command is null)
        {
            return new PendingItem(index, item.RequestId, null, item.Invalid ?? new ValidationException("article", "is required"));
        }

        try
        {
            return new PendingItem(index, item.RequestId, preparer.Prepare(item.Command), null);
        }
        catch (ValidationException ex)
        {
            return new PendingItem(index, item.RequestId, null, ex);
        }
    }

    private async Task<List<ImportResult>> FlushAsync(List<PendingItem> group, CancellationToken cancellationToken)
    {
        var records = group.Where(p => p.Record is not null).Select(p => p.Record!).ToList();
        IReadOnlyList<CreateArticleOutcome> outcomes = [];
        Exception? storeError = null;
        try
        {
            outcomes = await store.InsertManyAsync(records, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The store failed (not the items): each item of the group says so; the stream goes on.
            LogGroupFailed(logger, records.Count, ex);
            storeError = ex;
        }

        var results = new List<ImportResult>(group.Count);
        var created = 0;
        var next = 0;
        foreach (var pending in group)
        {
            if (pending.Record is null || storeError is not null)
            {
                results.Add(new ImportResult(pending.Index, pending.RequestId, null, pending.Error ?? storeError));
                continue;
            }

            var outcome = outcomes[next++];
            if (outcome.Created)
            {
                created++;
                annotationQueue.TryEnqueue(outcome.Article);
            }

            results.Add(new ImportResult(pending.Index, pending.RequestId, outcome, null));
        }

        if (created > 0)
        {
            telemetry.ArticlesCreated.Add(created);
            broadcaster.NotifyCommitted();
        }

        LogGroup(logger, group.Count, created);
        return results;
    }

    private sealed record PendingItem(int Index, string RequestId, NewArticleRecord? Record, Exception? Error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Committed a group of {Items} streamed items ({Created} new articles)")]
    private static partial void LogGroup(ILogger logger, int items, int created);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing a group of {Items} streamed articles failed")]
    private static partial void LogGroupFailed(ILogger logger, int items, Exception exception);
}
