using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Importing;
using Summaries.Ingestion.Tests.Infrastructure;

namespace Summaries.Ingestion.Tests.Importing;

/// <summary>
/// The importer reads and prepares items while it commits earlier ones, but only so far ahead: a
/// client that sends faster than the store commits is held back, and a stream that fails still has
/// what it delivered before committed and acknowledged.
/// </summary>
public sealed class ArticleImporterTests : IDisposable
{
    private readonly DomainHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task ImportGroupsAsync_ConsumerPaused_ReadsAheadOnlyABoundedNumberOfItems()
    {
        var source = new CountingSource(count: 10_000);
        await using var groups = _harness.Importer.ImportGroupsAsync(source.ReadAsync(), maxItems: null, CancellationToken.None)
            .GetAsyncEnumerator();

        Assert.True(await groups.MoveNextAsync());
        var firstGroup = groups.Current.Count;
        // The results of the first group are not taken for a while: reading goes on only until the
        // items waiting to be committed fill their buffer.
        await WaitUntilSettledAsync(source);

        Assert.InRange(source.Read, firstGroup + 1, firstGroup + 200);
        Assert.True(await groups.MoveNextAsync());
        Assert.Equal(firstGroup, groups.Current[0].Index);
    }

    [Fact]
    public async Task ImportGroupsAsync_StreamFailsAfterTenItems_TenCommittedAndReturnedThenTheFailure()
    {
        var results = new List<ImportResult>();
        var error = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var group in _harness.Importer.ImportGroupsAsync(FailingAfter(10), maxItems: null, CancellationToken.None))
            {
                results.AddRange(group);
            }
        });

        Assert.Equal("connection reset", error.Message);
        Assert.Equal(Enumerable.Range(0, 10), results.Select(r => r.Index));
        Assert.All(results, r => Assert.True(r.Outcome!.Created));
        Assert.Equal(10, (await _harness.Store.ListAfterAsync(0, 100, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task ImportGroupsAsync_PastTheLimit_ItemsBeforeItReturnedThenLimitError()
    {
        var results = new List<ImportResult>();
        var error = await Assert.ThrowsAsync<BatchLimitExceededException>(async () =>
        {
            await foreach (var group in _harness.Importer.ImportGroupsAsync(new CountingSource(50).ReadAsync(), maxItems: 20, CancellationToken.None))
            {
                results.AddRange(group);
            }
        });

        Assert.Equal(20, error.Limit);
        Assert.Equal(Enumerable.Range(0, 20), results.Select(r => r.Index));
        Assert.Equal(20, (await _harness.Store.ListAfterAsync(0, 100, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task ImportGroupsAsync_CallerStopsEarly_ReadingStopsAndTheSourceIsDisposed()
    {
        var source = new CountingSource(count: 10_000);
        await using (var groups = _harness.Importer.ImportGroupsAsync(source.ReadAsync(), maxItems: null, CancellationToken.None).GetAsyncEnumerator())
        {
            Assert.True(await groups.MoveNextAsync());
        }

        var readAtStop = source.Read;
        await Task.Delay(200);
        Assert.True(source.Disposed);
        Assert.Equal(readAtStop, source.Read);
    }

    [Fact]
    public async Task ImportAsync_UnaryCreatesAtTheSameTime_OneWritePathStreamKeepsItsOrder()
    {
        var stream = Task.Run(async () =>
        {
            var results = new List<ImportResult>();
            await foreach (var result in _harness.Importer.ImportAsync(new CountingSource(300).ReadAsync(), maxItems: null, CancellationToken.None))
            {
                results.Add(result);
            }

            return results;
        });
        var unary = Enumerable.Range(1_000, 40).Select(i => Task.Run(() => _harness.Articles.CreateAsync(
            new CreateArticleCommand(TestArticles.Input(i), $"unary-{i}"), CancellationToken.None))).ToList();

        var streamed = await stream;
        var created = await Task.WhenAll(unary);

        Assert.Equal(Enumerable.Range(0, 300), streamed.Select(r => r.Index));
        var sequences = streamed.Select(r => r.Outcome!.Article.Sequence).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.All(created, c => Assert.True(c.Created));
        Assert.Equal(340, (await _harness.Store.ListAfterAsync(0, 1_000, CancellationToken.None)).Count);
    }

    private static async Task WaitUntilSettledAsync(CountingSource source)
    {
        var last = -1;
        for (var i = 0; i < 100 && source.Read != last; i++)
        {
            last = source.Read;
            await Task.Delay(100);
        }
    }

    private static async IAsyncEnumerable<ImportItem> FailingAfter(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Item(i);
        }

        await Task.Delay(50);
        throw new IOException("connection reset");
    }

    private static ImportItem Item(int i) =>
        new($"import-{i}", new CreateArticleCommand(TestArticles.Input(i), $"import-{i}"));

    /// <summary>An endless-looking client: counts the items taken from it, and whether it was disposed.</summary>
    private sealed class CountingSource(int count)
    {
        private int _read;

        public int Read => Volatile.Read(ref _read);

        public bool Disposed { get; private set; }

        public async IAsyncEnumerable<ImportItem> ReadAsync()
        {
            try
            {
                for (var i = 0; i < count; i++)
                {
                    await Task.Yield();
                    Interlocked.Increment(ref _read);
                    yield return Item(i);
                }
            }
            finally
            {
                Disposed = true;
            }
        }
    }
}
