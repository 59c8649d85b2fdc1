using System.Collections.Concurrent;
using Google.Rpc;
using Grpc.Core;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Replicas.Tests.Infrastructure;
using Summaries.Testing.Replicas;

namespace Summaries.Replicas.Tests.Faults;

/// <summary>
/// PostgreSQL restarted under load (a private server, so the other tests' server is untouched):
/// while it is down calls fail UNAVAILABLE with RetryInfo, never INTERNAL; after it is back they
/// succeed; and the creates retried with their request ids leave each article stored exactly once.
/// </summary>
public sealed class DatabaseRestartTests
{
    [SkippableFact]
    public async Task CreateArticle_DatabaseRestartedUnderLoad_UnavailableWithRetryInfoThenEachStoredOnce()
    {
        await using var postgres = await PrivatePostgres.StartAsync();
        await using var system = await ReplicaSystem.StartAsync(replicas: 2, server: postgres.ConnectionString);
        using var channel = system.IngestionChannel(retry: false);
        var client = new IngestionService.IngestionServiceClient(channel);
        var run = Guid.NewGuid().ToString("N")[..8];
        var failures = new ConcurrentQueue<(int Item, RpcException Error)>();
        var stored = new ConcurrentDictionary<int, string>();
        var next = -1;
        using var stop = new CancellationTokenSource();

        var load = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref next);
                try
                {
                    var created = await client.CreateArticleAsync(Request(run, n), deadline: DateTime.UtcNow.AddSeconds(20));
                    stored[n] = created.Article.Name;
                }
                catch (RpcException ex)
                {
                    failures.Enqueue((n, ex));
                    await Task.Delay(100);
                }
            }
        })).ToList();

        await Task.Delay(1500);
        await postgres.StopServerAsync();
        await Task.Delay(3000);
        await postgres.StartServerAsync();
        var backAt = DateTime.UtcNow;
        await Task.Delay(4000);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.NotEmpty(failures);
        foreach (var (item, error) in failures)
        {
            Assert.True(error.StatusCode == StatusCode.Unavailable, $"item {item}: {error.StatusCode} {error.Status.Detail}");
            Assert.NotNull(error.GetRpcStatus()?.GetDetail<RetryInfo>());
        }

        // The server is back: calls succeed again, on both replicas.
        var after = await Task.WhenAll(Enumerable.Range(0, 2).Select(replica =>
            system.IngestionAt(replica).CreateArticleAsync(Request(run, 100_000 + replica)).ResponseAsync));
        Assert.All(after, a => Assert.False(string.IsNullOrEmpty(a.Article.Name)));
        Assert.True(DateTime.UtcNow - backAt < TimeSpan.FromSeconds(60));

        // The failed creates retried with their request ids: each item once, nothing half-written.
        foreach (var (item, _) in failures)
        {
            stored[item] = (await client.CreateArticleAsync(Request(run, item))).Article.Name;
        }

        var items = Enumerable.Range(0, next + 1).Where(stored.ContainsKey).ToList();
        Assert.Equal(items.Count, stored.Values.Distinct().Count());
        foreach (var item in items)
        {
            var article = (await client.GetArticleAsync(new GetArticleRequest { Name = stored[item] })).Article;
            Assert.EndsWith($"/{run}/{item}", article.Url, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(article.CleanedBody));
        }
    }

    private static CreateArticleRequest Request(string run, int n) => new() { Article = TestArticles.Make(run, n), RequestId = $"{run}-{n}" };
}
