using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Summaries.Ingestion.Annotation;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Storage;
using Summaries.Ingestion.Watching;
using Summaries.ServiceDefaults.Errors;

namespace Summaries.Ingestion.Importing;

/// <summary>
/// Stores a stream of articles as it arrives, in two stages that overlap: one task reads items and
/// prepares them (cleaning, hashing, fingerprinting: the CPU work), the other commits what is prepared.
/// Items already prepared are committed together (group commit: one transaction, one fsync), but a
/// group never waits for more input: as soon as nothing more is prepared, what is there is committed
/// and acknowledged. At most <see cref="PreparedCapacity"/> items wait between the stages; when they
/// are full, no more is read, so HTTP/2 flow control holds a fast client back and the server's memory
/// stays bounded. Annotation is queued, never awaited.
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

    /// <summary>Prepared items waiting to be committed: the next group is prepared while one is committed.</summary>
    private const int PreparedCapacity = 2 * MaxGroupItems;

    /// <summary>One result per item, in order. Throws <see cref="BatchLimitExceededException"/> at item <paramref name="maxItems"/> + 1.</summary>
    public async IAsyncEnumerable<ImportResult> ImportAsync(
        IAsyncEnumerable<ImportItem> items, int? maxItems, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var group in ImportGroupsAsync(items, maxItems, cancellationToken))
        {
            foreach (var result in group)
            {
                yield return result;
            }
        }
    }

    /// <summary>
    /// The results of each committed group, in order (a caller can send a group's acknowledgements in
    /// one write). Items received before the stream failed are still committed and returned before the
    /// failure is thrown. Throws <see cref="BatchLimitExceededException"/> at item <paramref name="maxItems"/> + 1,
    /// after the results of the items before it.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<ImportResult>> ImportGroupsAsync(
        IAsyncEnumerable<ImportItem> items, int? maxItems, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prepared = Channel.CreateBounded<PendingItem>(
            new BoundedChannelOptions(PreparedCapacity) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => ReadAndPrepareAsync(items, maxItems, prepared.Writer, stop.Token), CancellationToken.None);
        try
        {
            var group = new List<PendingItem>(MaxGroupItems);
            while (await prepared.Reader.WaitToReadAsync(cancellationToken))
            {
                long groupChars = 0;
                while (group.Count < MaxGroupItems && groupChars < MaxGroupChars && prepared.Reader.TryRead(out var pending))
                {
                    group.Add(pending);
                    groupChars += pending.Record?.Content.Body.Length ?? 0;
                }

                var results = await FlushAsync(group, cancellationToken);
                group.Clear();
                yield return results;
            }

            // Everything read before the end (or the failure) of the stream is committed and returned.
            if (await reading is { } limit)
            {
                throw new BatchLimitExceededException(limit);
            }
        }
        finally
        {
            // The caller stopped early (its client went away, or a commit failed): stop reading, and let a
            // read in flight finish (it ends with the call) before the stream's enumerator is left behind.
            await stop.CancelAsync();
            try
            {
                await reading;
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException or global::Grpc.Core.RpcException)
            {
                // Already thrown above, or the call is over either way.
            }
        }
    }

    /// <summary>Reads and prepares items in order; returns the limit when the stream went past it.</summary>
    private async Task<int?> ReadAndPrepareAsync(
        IAsyncEnumerable<ImportItem> items, int? maxItems, ChannelWriter<PendingItem> prepared, CancellationToken cancellationToken)
    {
        try
        {
            var index = 0;
            await foreach (var item in items.WithCancellation(cancellationToken))
            {
                if (maxItems is { } limit && index >= limit)
                {
                    // What came before the limit is committed, as the error promises.
                    return limit;
                }

                await prepared.WriteAsync(Prepare(index++, item, cancellationToken), cancellationToken);
            }

            return null;
        }
        finally
        {
            prepared.TryComplete();
        }
    }

    private PendingItem Prepare(int index, ImportItem item, CancellationToken cancellationToken)
    {
        if (item.Invalid is not null || item.Command is null)
        {
            return new PendingItem(index, item.RequestId, null, item.Invalid ?? new ValidationException("article", "is required"));
        }

        try
        {
            return new PendingItem(index, item.RequestId, preparer.Prepare(item.Command, cancellationToken), null);
        }
        catch (ValidationException ex)
        {
            return new PendingItem(index, item.RequestId, null, ex);
        }
    }

    private async Task<IReadOnlyList<ImportResult>> FlushAsync(List<PendingItem> group, CancellationToken cancellationToken)
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
