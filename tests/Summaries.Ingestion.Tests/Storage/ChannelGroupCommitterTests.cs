using Summaries.Ingestion.Storage;

namespace Summaries.Ingestion.Tests.Storage;

/// <summary>
/// Single writes from concurrent callers go together while a group is being written; a failing item
/// fails only its caller; a caller that gives up before its item is taken is not written, one that
/// gives up later does not stop its write; callers wait for room; disposing writes what is queued.
/// </summary>
public sealed class ChannelGroupCommitterTests
{
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task WriteAsync_LoneCaller_WrittenAtOnceAlone()
    {
        var writer = new RecordingWriter();
        using var batcher = new ChannelGroupCommitter<int, string>(writer.WriteAsync, maxGroup: 8, capacity: 64);

        Assert.Equal("7", await batcher.WriteAsync(7, CancellationToken.None).WaitAsync(NoHang));
        Assert.Equal([[7]], writer.Batches);
    }

    [Fact]
    public async Task WriteAsync_CallersArrivingDuringAWrite_GoTogetherInTheNextUpToTheLimit()
    {
        var writer = new RecordingWriter { Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        using var batcher = new ChannelGroupCommitter<int, string>(writer.WriteAsync, maxGroup: 4, capacity: 64);
        var first = batcher.WriteAsync(0, CancellationToken.None);
        await writer.Started.Task.WaitAsync(NoHang);

        var later = Enumerable.Range(1, 6).Select(i => batcher.WriteAsync(i, CancellationToken.None)).ToList();
        writer.Hold.SetResult();
        var results = await Task.WhenAll(later.Prepend(first)).WaitAsync(NoHang);

        Assert.Equal(Enumerable.Range(0, 7).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), results);
        Assert.Equal([[0], [1, 2, 3, 4], [5, 6]], writer.Batches);
    }

    [Fact]
    public async Task WriteAsync_OneItemFailsInABatch_OnlyItsCallerFails()
    {
        var writer = new RecordingWriter { Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), Refuse = 3 };
        using var batcher = new ChannelGroupCommitter<int, string>(writer.WriteAsync, maxGroup: 8, capacity: 64);
        var first = batcher.WriteAsync(0, CancellationToken.None);
        await writer.Started.Task.WaitAsync(NoHang);
        var later = Enumerable.Range(1, 4).Select(i => batcher.WriteAsync(i, CancellationToken.None)).ToList();
        writer.Hold.SetResult();

        Assert.Equal("0", await first.WaitAsync(NoHang));
        await Assert.ThrowsAsync<InvalidOperationException>(() => later[2].WaitAsync(NoHang));
        Assert.Equal(["1", "2", "4"], await Task.WhenAll(later[0], later[1], later[3]).WaitAsync(NoHang));
        // The batch of four failed as a whole, then each went alone.
        Assert.Equal([[0], [1, 2, 3, 4], [1], [2], [3], [4]], writer.Batches);
    }

    [Fact]
    public async Task WriteAsync_CallerGivesUpBeforeItsItemIsTaken_ItemNotWritten()
    {
        var writer = new RecordingWriter { Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        using var batcher = new ChannelGroupCommitter<int, string>(writer.WriteAsync, maxGroup: 8, capacity: 64);
        var first = batcher.WriteAsync(0, CancellationToken.None);
        await writer.Started.Task.WaitAsync(NoHang);
        using var caller = new CancellationTokenSource();
        var abandoned = batcher.WriteAsync(1, caller.Token);

        await caller.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned.WaitAsync(NoHang));
        writer.Hold.SetResult();
        await first.WaitAsync(NoHang);
        Assert.Equal("2", await batcher.WriteAsync(2, CancellationToken.None).WaitAsync(NoHang));

        Assert.Equal([0, 2], writer.Batches.SelectMany(b => b));
    }

    [Fact]
    public async Task WriteAsync_CallerGivesUpAfterItsItemIsTaken_ItemWrittenAndResultReturned()
    {
        var writer = new RecordingWriter { Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        using var batcher = new ChannelGroupCommitter<int, string>(writer.WriteAsync, maxGroup: 8, capacity: 64);
        using var caller = new CancellationTokenSource();
        var taken = batcher.WriteAsync(0, caller.Token);
        await writer.Started.Task.WaitAsync(NoHang);

        await caller.CancelAsync();
        writer.Hold.SetResult();

        Assert.Equal("0", await taken.WaitAsync(NoHang));
        Assert.Equal([[0]], writer.Batches);
    }

    [Fact]
    public async Task EnqueueAsync_ChannelFull_WaitsForRoom()
    {
        var writer = new RecordingWriter { Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        using var batcher = new ChannelGroupCommitter<int, string>(writer.WriteAsync, maxGroup: 8, capacity: 2);
        var first = await batcher.EnqueueAsync(0, CancellationToken.None);
        await writer.Started.Task.WaitAsync(NoHang);
        var queued = new[] { await batcher.EnqueueAsync(1, CancellationToken.None), await batcher.EnqueueAsync(2, CancellationToken.None) };

        var third = batcher.EnqueueAsync(3, CancellationToken.None).AsTask();
        await Task.Delay(100);
        Assert.False(third.IsCompleted);

        writer.Hold.SetResult();
        Assert.Equal("3", await (await third.WaitAsync(NoHang)).WaitAsync(NoHang));
        Assert.Equal(["0", "1", "2"], await Task.WhenAll(queued.Prepend(first)).WaitAsync(NoHang));
    }

    [Fact]
    public async Task DisposeAsync_ItemsQueued_AllWrittenBeforeItReturns()
    {
        var writer = new RecordingWriter { Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var batcher = new ChannelGroupCommitter<int, string>(writer.WriteAsync, maxGroup: 2, capacity: 64);
        var results = new List<Task<string>>();
        for (var i = 0; i < 5; i++)
        {
            results.Add(await batcher.EnqueueAsync(i, CancellationToken.None));
        }

        var disposing = batcher.DisposeAsync().AsTask();
        writer.Hold.SetResult();
        await disposing.WaitAsync(NoHang);

        Assert.All(results, r => Assert.True(r.IsCompletedSuccessfully));
        Assert.Equal(Enumerable.Range(0, 5), writer.Batches.SelectMany(b => b));
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => batcher.WriteAsync(9, CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_GroupWeightReached_NextItemsGoInTheNextGroup()
    {
        var writer = new RecordingWriter { Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        using var batcher = new ChannelGroupCommitter<int, string>(writer.WriteAsync, maxGroup: 8, capacity: 64, weight: i => i, maxWeight: 10);
        var first = batcher.WriteAsync(0, CancellationToken.None);
        await writer.Started.Task.WaitAsync(NoHang);
        var later = new[] { 4, 5, 6, 20, 1 }.Select(i => batcher.WriteAsync(i, CancellationToken.None)).ToList();
        writer.Hold.SetResult();
        await Task.WhenAll(later.Prepend(first)).WaitAsync(NoHang);

        Assert.Equal([[0], [4, 5], [6], [20], [1]], writer.Batches);
    }

    [Fact]
    public async Task WriteAsync_ManyCallersAtOnce_EachGetsItsOwnResultAndEveryItemIsWrittenOnce()
    {
        var writer = new RecordingWriter();
        using var batcher = new ChannelGroupCommitter<int, string>(writer.WriteAsync, maxGroup: 16, capacity: 64);

        var results = await Task.WhenAll(Enumerable.Range(0, 2_000).Select(i => Task.Run(() => batcher.WriteAsync(i, CancellationToken.None)))).WaitAsync(NoHang);

        Assert.Equal(Enumerable.Range(0, 2_000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), results);
        Assert.Equal(Enumerable.Range(0, 2_000), writer.Batches.SelectMany(b => b).Order());
        Assert.All(writer.Batches, b => Assert.InRange(b.Count, 1, 16));
    }

    [Fact]
    public async Task WriteAsync_CallersArrivingAsTheDrainEnds_NoneLeftWaiting()
    {
        // Each round ends with the queue empty, so the drain stops; a caller that arrives just as it
        // stops must still be written (a lost wake-up would leave it waiting for ever).
        using var batcher = new ChannelGroupCommitter<int, int>(async items => { await Task.Yield(); return items; }, maxGroup: 4, capacity: 64);
        for (var round = 0; round < 3_000; round++)
        {
            var first = Task.Run(() => batcher.WriteAsync(round, CancellationToken.None));
            var second = Task.Run(() => batcher.WriteAsync(-round, CancellationToken.None));
            Assert.Equal([round, -round], await Task.WhenAll(first, second).WaitAsync(NoHang));
        }
    }

    [Fact]
    public async Task WriteAsync_OneCallerAfterAnother_NoneLeftWaiting()
    {
        // The pattern of a worker recording outcomes one by one: each write is queued just as the
        // drain that answered the one before finds the queue empty and stops.
        using var batcher = new ChannelGroupCommitter<int, int>(items => Task.FromResult<IReadOnlyList<int>>(items.ToList()), maxGroup: 4, capacity: 64);
        for (var i = 0; i < 50_000; i++)
        {
            Assert.Equal(i, await batcher.WriteAsync(i, CancellationToken.None).WaitAsync(NoHang));
        }
    }

    /// <summary>Records each batch; can hold the first one back, and refuse one item (failing any batch holding it).</summary>
    private sealed class RecordingWriter
    {
        private readonly Lock _lock = new();

        public List<List<int>> Batches { get; } = [];

        public TaskCompletionSource? Hold { get; init; }

        public int? Refuse { get; init; }

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<IReadOnlyList<string>> WriteAsync(IReadOnlyList<int> items)
        {
            lock (_lock)
            {
                Batches.Add([.. items]);
            }

            Started.TrySetResult();
            if (Hold is { } hold)
            {
                await hold.Task;
            }

            if (Refuse is { } refused && items.Contains(refused))
            {
                throw new InvalidOperationException($"item {refused} refused");
            }

            return items.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        }
    }
}
