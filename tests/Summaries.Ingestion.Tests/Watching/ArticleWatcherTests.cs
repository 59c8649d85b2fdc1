using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Tests.Infrastructure;
using Summaries.Ingestion.Watching;

namespace Summaries.Ingestion.Tests.Watching;

public sealed class ArticleWatcherTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly DomainHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private ArticleWatcher Watcher => _harness.Get<ArticleWatcher>();

    [Fact]
    public async Task WatchAsync_FromZero_ReplaysThenFollowsWithoutGapsOrDuplicates()
    {
        for (var i = 0; i < 150; i++)
        {
            await _harness.Articles.CreateAsync(TestArticles.Command(i), CancellationToken.None);
        }

        using var cts = new CancellationTokenSource(Patience);
        await using var watch = Watcher.WatchAsync(0, cts.Token).GetAsyncEnumerator(cts.Token);
        var seen = new List<long>();
        for (var i = 0; i < 150; i++)
        {
            Assert.True(await watch.MoveNextAsync());
            seen.Add(watch.Current.Sequence);
        }

        var next = watch.MoveNextAsync();
        var writers = Enumerable.Range(150, 30).Select(i => Task.Run(() => _harness.Articles.CreateAsync(TestArticles.Command(i), CancellationToken.None)));
        await Task.WhenAll(writers);
        Assert.True(await next);
        seen.Add(watch.Current.Sequence);
        while (seen.Count < 180)
        {
            Assert.True(await watch.MoveNextAsync());
            seen.Add(watch.Current.Sequence);
        }

        Assert.Equal(Enumerable.Range(1, 180).Select(i => (long)i), seen);
    }

    [Fact]
    public async Task WatchAsync_EmptyCursor_OnlyNewArticles()
    {
        var old = await _harness.Articles.CreateAsync(TestArticles.Command(1), CancellationToken.None);
        using var cts = new CancellationTokenSource(Patience);
        await using var watch = Watcher.WatchAsync(null, cts.Token).GetAsyncEnumerator(cts.Token);

        // When the watch has read "now" is not observable, so keep adding articles until one arrives.
        var next = watch.MoveNextAsync().AsTask();
        for (var n = 2; !next.IsCompleted && n < 200; n++)
        {
            await _harness.Articles.CreateAsync(TestArticles.Command(n), CancellationToken.None);
            await Task.WhenAny(next, Task.Delay(20));
        }

        Assert.True(await next);
        Assert.True(watch.Current.Sequence > old.Article.Sequence);
    }

    [Fact]
    public async Task WatchAsync_Cancelled_EndsWithoutError()
    {
        using var cts = new CancellationTokenSource();
        var watch = Watcher.WatchAsync(0, cts.Token).GetAsyncEnumerator(cts.Token);
        var next = watch.MoveNextAsync();
        await WaitForSubscriberAsync();
        await cts.CancelAsync();

        Assert.False(await next);
        await watch.DisposeAsync();
        Assert.Equal(0, _harness.Get<ArticleBroadcaster>().SubscriberCount);
    }

    [Fact]
    public async Task WatchAsync_ApplicationStopping_Ends()
    {
        var watch = Watcher.WatchAsync(0, CancellationToken.None).GetAsyncEnumerator();
        var next = watch.MoveNextAsync();
        await WaitForSubscriberAsync();
        _harness.Lifetime.StopApplication();

        Assert.False(await next.AsTask().WaitAsync(Patience));
        await watch.DisposeAsync();
    }

    private async Task WaitForSubscriberAsync()
    {
        var broadcaster = _harness.Get<ArticleBroadcaster>();
        var deadline = DateTime.UtcNow + Patience;
        while (broadcaster.SubscriberCount == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
    }
}
