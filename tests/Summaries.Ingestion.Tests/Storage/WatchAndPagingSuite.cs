using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Tests.Infrastructure;
using Summaries.Ingestion.Watching;

namespace Summaries.Ingestion.Tests.Storage;

/// <summary>Watch resume and pagination while writers are busy, on every store.</summary>
public abstract class WatchAndPagingSuite : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    protected WatchAndPagingSuite(Func<ITestDatabase> database) => Harness = new DomainHarness(database: database());

    protected DomainHarness Harness { get; }

    public void Dispose()
    {
        Harness.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public async Task WatchAsync_ResumedFromLastCursorWhileWritersRun_EveryArticleOnceInOrder()
    {
        const int writers = 4, perWriter = 75;
        using var cts = new CancellationTokenSource(Patience);
        var writing = Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                await Harness.Articles.CreateAsync(TestArticles.Command((w * 1000) + i), cts.Token);
            }
        })));

        var seen = new List<long>();
        // First connection: read a while, then drop it mid-stream.
        await using (var first = Harness.Get<ArticleWatcher>().WatchAsync(0, cts.Token).GetAsyncEnumerator(cts.Token))
        {
            while (seen.Count < 100 && await first.MoveNextAsync())
            {
                seen.Add(first.Current.Sequence);
            }
        }

        // Reconnect from the last cursor seen.
        await using (var second = Harness.Get<ArticleWatcher>().WatchAsync(seen[^1], cts.Token).GetAsyncEnumerator(cts.Token))
        {
            while (seen.Count < writers * perWriter && await second.MoveNextAsync())
            {
                seen.Add(second.Current.Sequence);
            }
        }

        await writing;
        var stored = await Harness.Store.ListAfterAsync(0, 10_000, CancellationToken.None);
        Assert.Equal(stored.Select(a => a.Sequence), seen);
    }

    [SkippableFact]
    public async Task ListAsync_PagingWhileWritersInsert_EveryEarlierArticleExactlyOnce()
    {
        var before = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 120; i++)
        {
            before.Add((await Harness.Articles.CreateAsync(TestArticles.Command(i), CancellationToken.None)).Article.Name);
        }

        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var n = 10_000; !stop.IsCancellationRequested; n++)
            {
                await Harness.Articles.CreateAsync(TestArticles.Command(n), CancellationToken.None);
            }
        });

        var seen = new List<Article>();
        var token = string.Empty;
        do
        {
            var page = await Harness.Articles.ListAsync(7, token, "", CancellationToken.None);
            seen.AddRange(page.Articles);
            token = page.NextPageToken;
            await Task.Delay(5);
        }
        while (token.Length > 0);

        await stop.CancelAsync();
        await writer;
        Assert.Equal(seen.Count, seen.Select(a => a.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.True(before.IsSubsetOf(seen.Select(a => a.Name)));
        Assert.Equal(seen.Select(a => a.Sequence).OrderDescending(), seen.Select(a => a.Sequence));
    }
}

/// <summary>The watch and paging suite on SQLite.</summary>
public sealed class SqliteWatchAndPagingTests() : WatchAndPagingSuite(() => new SqliteTestDatabase());

/// <summary>The watch and paging suite on PostgreSQL (skipped without SUMMARIES_TEST_POSTGRES).</summary>
public sealed class PostgresWatchAndPagingTests() : WatchAndPagingSuite(() => new PostgresTestDatabase());
