using System.Collections.Concurrent;

namespace Summaries.Ingestion.Storage;

/// <summary>
/// Gathers single writes from concurrent callers into batches. Every transaction costs the same fixed
/// work whatever it holds (the write lock, the pages every write touches written to the log again),
/// so while one batch is written, the items that arrive meanwhile wait and then go together in the
/// next, up to the batch limit. A lone caller is written at once. A batch that fails is retried one
/// item at a time, so one bad item fails only its own caller.
/// </summary>
public sealed class WriteBatcher<TItem, TResult>(Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> write, int maxBatch)
{
    private readonly ConcurrentQueue<Pending> _queue = new();
    private int _draining;

    /// <summary>
    /// Writes the item with whichever others are waiting. The caller's cancellation stops the wait,
    /// not the write: as with any call cut short, the item may have been written.
    /// </summary>
    public Task<TResult> WriteAsync(TItem item, CancellationToken cancellationToken)
    {
        var pending = new Pending(item);
        _queue.Enqueue(pending);
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            // The drain writes for every caller, so it carries none's context (trace, logging scope).
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(DrainAsync, CancellationToken.None);
            }
        }

        return pending.Result.Task.WaitAsync(cancellationToken);
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            var batch = new List<Pending>();
            while (batch.Count < maxBatch && _queue.TryDequeue(out var pending))
            {
                batch.Add(pending);
            }

            if (batch.Count > 0)
            {
                await WriteBatchAsync(batch);
                continue;
            }

            Interlocked.Exchange(ref _draining, 0);
            // An item queued after the last read but before the flag was cleared found the drain
            // running and started none: take it up, unless a new drain already has.
            if (_queue.IsEmpty || Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
            {
                return;
            }
        }
    }

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        try
        {
            var results = await write(batch.ConvertAll(p => p.Item));
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Result.TrySetResult(results[i]);
            }
        }
        catch (Exception) when (batch.Count > 1)
        {
            foreach (var pending in batch)
            {
                await WriteBatchAsync([pending]);
            }
        }
        catch (Exception ex)
        {
            batch[0].Result.TrySetException(ex);
        }
    }

    private sealed class Pending(TItem item)
    {
        public TItem Item { get; } = item;

        public TaskCompletionSource<TResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
