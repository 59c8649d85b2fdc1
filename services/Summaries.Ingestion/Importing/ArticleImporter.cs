using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Summaries.Ingestion.Annotation;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Storage;
using Summaries.Ingestion.Watching;
using Summaries.ServiceDefaults.Errors;

namespace Summaries.Ingestion.Importing;

/// <summary>
/// Stores a stream of articles as it arrives, in two stages that overlap: one task reads items,
/// prepares them (cleaning, hashing, fingerprinting: the CPU work) and queues them on the service's
/// one write path (<see cref="GroupCommitter"/>, where they are committed in groups together with
/// whatever else is being created), the other returns the outcomes in order as they are committed.
/// At most <see cref="InFlight"/> items are queued and not yet returned; when that many are, no more
/// is read, so HTTP/2 flow control holds a fast client back and the server's memory stays bounded.
/// The annotation worker is woken for what was committed (the articles wait in the outbox), never awaited.
/// </summary>
public sealed partial class ArticleImporter(
    ArticlePreparer preparer,
    GroupCommitter commits,
    ArticleBroadcaster broadcaster,
    AnnotationSignal annotation,
    IngestionTelemetry telemetry,
    ILogger<ArticleImporter> logger)
{
    /// <summary>Items read and not yet returned: the next ones are prepared while earlier ones commit.</summary>
    private const int InFlight = 2 * GroupCommitter.MaxArticles;

    /// <summary>Most results returned as one group (one write of acknowledgements).</summary>
    private const int MaxGroupResults = GroupCommitter.MaxArticles;

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
    /// The results in order, in groups of those committed by the time the first of them was (a caller
    /// can send a group's acknowledgements in one write). Items received before the stream failed are
    /// still committed and returned before the failure is thrown. Throws
    /// <see cref="BatchLimitExceededException"/> at item <paramref name="maxItems"/> + 1, after the
    /// results of the items before it.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<ImportResult>> ImportGroupsAsync(
        IAsyncEnumerable<ImportItem> items, int? maxItems, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var queued = Channel.CreateBounded<PendingItem>(
            new BoundedChannelOptions(InFlight) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => ReadAndQueueAsync(items, maxItems, queued.Writer, stop.Token, cancellationToken), CancellationToken.None);
        try
        {
            var group = new List<ImportResult>(MaxGroupResults);
            while (await queued.Reader.WaitToReadAsync(cancellationToken))
            {
                // Wait for the oldest; then take every one after it that is already committed.
                while (group.Count < MaxGroupResults && queued.Reader.TryPeek(out var pending)
                    && (group.Count == 0 || pending.Outcome.IsCompleted))
                {
                    queued.Reader.TryRead(out _);
                    group.Add(await ResultAsync(pending));
                }

                Committed(group);
                yield return group.ToList();
                group.Clear();
            }

            // Everything read before the end (or the failure) of the stream is committed and returned.
            if (await reading is { } limit)
            {
                throw new BatchLimitExceededException(limit);
            }
        }
        finally
        {
            // The caller stopped early (its client went away, or it failed): stop reading, and let a
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

    /// <summary>Reads, prepares and queues items in order; returns the limit when the stream went past it.</summary>
    private async Task<int?> ReadAndQueueAsync(
        IAsyncEnumerable<ImportItem> items,
        int? maxItems,
        ChannelWriter<PendingItem> queued,
        CancellationToken stopReading,
        CancellationToken call)
    {
        try
        {
            var index = 0;
            await foreach (var item in items.WithCancellation(stopReading))
            {
                if (maxItems is { } limit && index >= limit)
                {
                    // What came before the limit is committed, as the error promises.
                    return limit;
                }

                // Room first, then the write: an item is never committed without its result being returned.
                if (!await queued.WaitToWriteAsync(stopReading))
                {
                    break;
                }

                // Queued under the call's token, not the reader's: what was read is committed even when
                // reading stops (the stream failed), unless the call itself is over.
                queued.TryWrite(await QueueAsync(index++, item, call));
            }

            return null;
        }
        finally
        {
            queued.TryComplete();
        }
    }

    private async ValueTask<PendingItem> QueueAsync(int index, ImportItem item, CancellationToken cancellationToken)
    {
        if (item.Invalid is not null || item.Command is null)
        {
            return PendingItem.Rejected(index, item.RequestId, item.Invalid ?? new ValidationException("article", "is required"));
        }

        NewArticleRecord record;
        try
        {
            record = preparer.Prepare(item.Command, cancellationToken);
        }
        catch (ValidationException ex)
        {
            return PendingItem.Rejected(index, item.RequestId, ex);
        }

        return new PendingItem(index, item.RequestId, await commits.EnqueueAsync(record, cancellationToken), null);
    }

    private async Task<ImportResult> ResultAsync(PendingItem pending)
    {
        if (pending.Error is not null)
        {
            return new ImportResult(pending.Index, pending.RequestId, null, pending.Error);
        }

        try
        {
            return new ImportResult(pending.Index, pending.RequestId, await pending.Outcome, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The store failed (not the item): the item says so; the stream goes on.
            LogItemFailed(logger, pending.Index, ex);
            return new ImportResult(pending.Index, pending.RequestId, null, ex);
        }
    }

    private void Committed(List<ImportResult> group)
    {
        var created = 0;
        foreach (var result in group)
        {
            if (result.Outcome is { Created: true })
            {
                created++;
            }
        }

        if (created > 0)
        {
            telemetry.ArticlesCreated.Add(created);
            broadcaster.NotifyCommitted();
            annotation.Wake();
        }

        LogGroup(logger, group.Count, created);
    }

    private sealed record PendingItem(int Index, string RequestId, Task<CreateArticleOutcome> Outcome, Exception? Error)
    {
        private static readonly Task<CreateArticleOutcome> None = Task.FromResult<CreateArticleOutcome>(null!);

        public static PendingItem Rejected(int index, string requestId, Exception error) => new(index, requestId, None, error);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Returned {Items} streamed items ({Created} new articles)")]
    private static partial void LogGroup(ILogger logger, int items, int created);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing streamed item {Index} failed")]
    private static partial void LogItemFailed(ILogger logger, int index, Exception exception);
}
