using Microsoft.Extensions.Hosting;
using Npgsql;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Storage.Postgres;
using Summaries.Ingestion.Tests.Infrastructure;
using Summaries.Ingestion.Watching;

namespace Summaries.Ingestion.Tests.Watching;

/// <summary>
/// Two replicas on one PostgreSQL database: a watcher on one sees what is committed through the
/// other (woken by LISTEN/NOTIFY; the poll is set far beyond the test), in sequence order, with no
/// gap and no duplicate, also while both commit at once.
/// </summary>
public sealed class ReplicaWatchTests : IDisposable
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Ingestion:Storage:CommitPollInterval"] = "00:10:00",
    };

    private readonly PostgresTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [SkippableFact]
    public async Task WatchAsync_CommitsThroughBothReplicas_WatcherOnOneSeesAllInOrderOnce()
    {
        using var watched = new DomainHarness(Settings, new SharedDatabase(_database));
        using var other = new DomainHarness(Settings, new SharedDatabase(_database));
        var feed = watched.Get<IEnumerable<IHostedService>>().OfType<CommitFeedWorker>().Single();
        await feed.StartAsync(CancellationToken.None);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var seen = new List<Article>();
            var expected = 10 + 2 * 40;
            var watching = Task.Run(async () =>
            {
                await foreach (var article in watched.Get<ArticleWatcher>().WatchAsync(0, timeout.Token))
                {
                    seen.Add(article);
                    if (seen.Count == expected)
                    {
                        return;
                    }
                }
            });

            // Only the other replica commits: nothing in the watched process wakes its watcher.
            var created = new List<string>();
            for (var i = 0; i < 10; i++)
            {
                created.Add((await other.Articles.CreateAsync(TestArticles.Command(i), CancellationToken.None)).Article.Id);
            }

            await WaitUntilAsync(() => Volatile.Read(ref seen).Count >= 10, timeout.Token);

            // Then both at once: sequences are handed out in commit order across replicas, so none is skipped.
            var both = await Task.WhenAll(
                CreateAsync(watched, 100, timeout.Token), CreateAsync(other, 200, timeout.Token));
            created.AddRange(both.SelectMany(ids => ids));
            await watching.WaitAsync(timeout.Token);

            Assert.Equal(created.Order(StringComparer.Ordinal), seen.Select(a => a.Id).Order(StringComparer.Ordinal));
            Assert.Equal(seen.Select(a => a.Sequence).Order(), seen.Select(a => a.Sequence));
            Assert.Equal(seen.Count, seen.Select(a => a.Sequence).Distinct().Count());
        }
        finally
        {
            await feed.StopAsync(CancellationToken.None);
        }
    }

    [SkippableFact]
    public async Task WatchAsync_ListeningConnectionKilled_FeedReopensAndOtherReplicasCommitsStillSeen()
    {
        var settings = new Dictionary<string, string?> { ["Ingestion:Storage:CommitPollInterval"] = "00:00:01" };
        using var watched = new DomainHarness(settings, new SharedDatabase(_database));
        using var other = new DomainHarness(settings, new SharedDatabase(_database));
        var feed = watched.Get<IEnumerable<IHostedService>>().OfType<CommitFeedWorker>().Single();
        await feed.StartAsync(CancellationToken.None);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var seen = new List<Article>();
            var watching = Task.Run(async () =>
            {
                await foreach (var article in watched.Get<ArticleWatcher>().WatchAsync(0, timeout.Token))
                {
                    seen.Add(article);
                    if (seen.Count == 2)
                    {
                        return;
                    }
                }
            });
            var first = (await other.Articles.CreateAsync(TestArticles.Command(1), CancellationToken.None)).Article;
            await WaitUntilAsync(() => Volatile.Read(ref seen).Count >= 1, timeout.Token);

            // The server drops the watched replica's listening connection (a restart, a network cut).
            Assert.Equal(1, await TerminateListenerAsync(watched));
            var second = (await other.Articles.CreateAsync(TestArticles.Command(2), CancellationToken.None)).Article;
            // The feed waits one poll interval (on the replica's clock) before it listens again.
            while (!watching.IsCompleted)
            {
                watched.Time.Advance(TimeSpan.FromSeconds(1));
                await Task.WhenAny(watching, Task.Delay(50, timeout.Token));
            }

            await watching;
            Assert.Equal([first.Id, second.Id], seen.Select(a => a.Id));
        }
        finally
        {
            await feed.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<int> TerminateListenerAsync(DomainHarness replica)
    {
        await using var connection = await replica.Get<PostgresDatabase>().OpenAsync(CancellationToken.None);
        // The listener's last statement was its LISTEN on this schema's channel.
        await using var command = new NpgsqlCommand($"""
            SELECT COUNT(pg_terminate_backend(pid))::int FROM pg_stat_activity
            WHERE pid <> pg_backend_pid() AND query = 'LISTEN "' || {PostgresCommitFeed.ChannelSql} || '"'
            """, connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> CreateAsync(DomainHarness replica, int from, CancellationToken cancellationToken)
    {
        // Four callers per replica, so groups of each replica interleave with the other's.
        var callers = Enumerable.Range(0, 4).Select(c => Task.Run(async () =>
        {
            var ids = new List<string>();
            for (var i = 0; i < 10; i++)
            {
                var outcome = await replica.Articles.CreateAsync(TestArticles.Command(from + (c * 10) + i), cancellationToken);
                ids.Add(outcome.Article.Id);
            }

            return ids;
        }));
        return (await Task.WhenAll(callers)).SelectMany(ids => ids).ToList();
    }

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(20, cancellationToken);
        }
    }
}
