using System.Threading.Channels;

namespace Summaries.Ingestion.Storage;

/// <summary>
/// Commits single writes from any number of callers in groups. Every transaction costs the same fixed
/// work whatever it holds (the write lock, the pages every write touches written to the log again),
/// so one consumer drains a bounded channel: it takes up to the group limit (or until the channel is
/// momentarily empty, or a group's weight is reached), writes them in one call, and completes each
/// caller with its own result. A lone caller is written at once; callers that arrive during a write
/// go together in the next. A group that fails is retried one item at a time, so one bad item fails
/// only its own caller. Items are written in the order they were queued.
/// </summary>
public sealed class ChannelGroupCommitter<TItem, TResult> : IAsyncDisposable, IDisposable
{
    private const int Waiting = 0;
    private const int Taken = 1;
    private const int Cancelled = 2;

    private readonly Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> _write;
    private readonly int _maxGroup;
    private readonly Func<TItem, long>? _weight;
    private readonly long _maxWeight;
    private readonly Channel<Pending> _channel;
    private readonly Task _consumer;

    /// <param name="write">Writes a group in one transaction; one result per item, in order.</param>
    /// <param name="maxGroup">Most items in one group.</param>
    /// <param name="capacity">Most items queued and not yet taken; further callers wait for room.</param>
    /// <param name="weight">An item's share of <paramref name="maxWeight"/> (a group always takes at least one item).</param>
    /// <param name="maxWeight">Most total weight in one group.</param>
    public ChannelGroupCommitter(
        Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> write,
        int maxGroup,
        int capacity,
        Func<TItem, long>? weight = null,
        long maxWeight = long.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxGroup, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _write = write;
        _maxGroup = maxGroup;
        _weight = weight;
        _maxWeight = maxWeight;
        _channel = Channel.CreateBounded<Pending>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        // The consumer writes for every caller, so it carries none's context (trace, logging scope).
        using (ExecutionContext.SuppressFlow())
        {
            _consumer = Task.Run(ConsumeAsync, CancellationToken.None);
        }
    }

    /// <summary>
    /// Queues the item (waiting for room while the channel is full) and returns the task of its result.
    /// Items queued one after another by one caller are written in that order. A caller cancelled
    /// before its item is taken into a group gets <see cref="OperationCanceledException"/> and the item
    /// is not written; once taken, the item is written and the task completes with its result.
    /// </summary>
    public async ValueTask<Task<TResult>> EnqueueAsync(TItem item, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new Pending(item);
        if (cancellationToken.CanBeCanceled)
        {
            // Before it is queued, so the consumer always finds the registration to release.
            pending.Registration = cancellationToken.Register(static p => ((Pending)p!).TryCancel(), pending);
        }

        if (!_channel.Writer.TryWrite(pending))
        {
            try
            {
                await _channel.Writer.WriteAsync(pending, cancellationToken);
            }
            catch
            {
                pending.Registration.Dispose();
                throw;
            }
        }

        return pending.Result.Task;
    }

    /// <summary>Queues the item and waits for its result; see <see cref="EnqueueAsync"/>.</summary>
    public async Task<TResult> WriteAsync(TItem item, CancellationToken cancellationToken) =>
        await await EnqueueAsync(item, cancellationToken);

    /// <summary>Takes no more items and waits until every queued one is written (a caller already cancelled is skipped).</summary>
    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _consumer;
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task ConsumeAsync()
    {
        var reader = _channel.Reader;
        var group = new List<Pending>(_maxGroup);
        while (await reader.WaitToReadAsync())
        {
            long weight = 0;
            while (group.Count < _maxGroup && reader.TryPeek(out var next))
            {
                var itemWeight = _weight?.Invoke(next.Item) ?? 0;
                if (group.Count > 0 && weight + itemWeight > _maxWeight)
                {
                    break;
                }

                reader.TryRead(out _);
                if (next.TryTake())
                {
                    group.Add(next);
                    weight += itemWeight;
                }
            }

            if (group.Count > 0)
            {
                await WriteGroupAsync(group);
                group.Clear();
            }
        }
    }

    private async Task WriteGroupAsync(List<Pending> group)
    {
        try
        {
            var results = await _write(group.ConvertAll(p => p.Item));
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Result.TrySetResult(results[i]);
            }
        }
        catch (Exception) when (group.Count > 1)
        {
            foreach (var pending in group)
            {
                await WriteGroupAsync([pending]);
            }
        }
        catch (Exception ex)
        {
            group[0].Result.TrySetException(ex);
        }
    }

    private sealed class Pending(TItem item)
    {
        private int _state = Waiting;

        public TItem Item { get; } = item;

        public TaskCompletionSource<TResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }

        /// <summary>The consumer's claim; false when the caller was cancelled first.</summary>
        public bool TryTake()
        {
            var taken = Interlocked.CompareExchange(ref _state, Taken, Waiting) == Waiting;
            Registration.Dispose();
            return taken;
        }

        public void TryCancel()
        {
            if (Interlocked.CompareExchange(ref _state, Cancelled, Waiting) == Waiting)
            {
                Result.TrySetCanceled();
            }
        }
    }
}
