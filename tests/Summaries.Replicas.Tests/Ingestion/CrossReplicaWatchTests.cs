using Grpc.Core;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Replicas.Tests.Infrastructure;
using Summaries.Testing.Replicas;

namespace Summaries.Replicas.Tests.Ingestion;

/// <summary>
/// WatchArticles on one replica sees what every replica commits, and a watcher that reconnects to
/// another replica with its last cursor misses nothing and sees nothing twice.
/// </summary>
[Collection(ReplicaCollection.Name)]
public sealed class CrossReplicaWatchTests(ReplicaFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [SkippableFact]
    public async Task WatchArticles_CommitsOnBothReplicasThenReconnectToTheOther_NoGapNoDuplicate()
    {
        var system = fixture.System;
        var run = Guid.NewGuid().ToString("N")[..8];
        var start = await CursorAfterAsync(system, await CreateAsync(system, 0, run, 0));

        // A watcher on replica 0 sees ten creates spread over both replicas, in commit order.
        var first = new List<WatchArticlesResponse>();
        var created = new List<string>();
        using (var cts = new CancellationTokenSource(Patience))
        using (var watch = system.IngestionAt(0).WatchArticles(new WatchArticlesRequest { Cursor = start }, cancellationToken: cts.Token))
        {
            for (var n = 1; n <= 10; n++)
            {
                created.Add(await CreateAsync(system, n % 2, run, n));
            }

            while (first.Count < 10 && await watch.ResponseStream.MoveNext(cts.Token))
            {
                first.Add(watch.ResponseStream.Current);
            }
        }

        Assert.Equal(created, first.Select(r => r.Article.Name));

        // It drops after the fifth, five more are created meanwhile, and it resumes on replica 1.
        var resumeFrom = first[4].Cursor;
        for (var n = 11; n <= 15; n++)
        {
            created.Add(await CreateAsync(system, n % 2, run, n));
        }

        var resumed = new List<string>();
        using (var cts = new CancellationTokenSource(Patience))
        using (var watch = system.IngestionAt(1).WatchArticles(new WatchArticlesRequest { Cursor = resumeFrom }, cancellationToken: cts.Token))
        {
            while (resumed.Count < 10 && await watch.ResponseStream.MoveNext(cts.Token))
            {
                resumed.Add(watch.ResponseStream.Current.Article.Name);
            }
        }

        Assert.Equal(created.Skip(5), resumed);
    }

    private static async Task<string> CreateAsync(ReplicaSystem system, int replica, string run, int n) =>
        (await system.IngestionAt(replica).CreateArticleAsync(new CreateArticleRequest { Article = TestArticles.Make(run, n), RequestId = $"{run}-{n}" })).Article.Name;

    /// <summary>The cursor of <paramref name="name"/>, read by replaying the store from the start.</summary>
    private static async Task<string> CursorAfterAsync(ReplicaSystem system, string name)
    {
        using var cts = new CancellationTokenSource(Patience);
        using var watch = system.IngestionAt(1).WatchArticles(new WatchArticlesRequest { Cursor = "0" }, cancellationToken: cts.Token);
        while (await watch.ResponseStream.MoveNext(cts.Token))
        {
            if (watch.ResponseStream.Current.Article.Name == name)
            {
                return watch.ResponseStream.Current.Cursor;
            }
        }

        throw new InvalidOperationException($"{name} never came in the replay.");
    }
}
