using System.Collections.Concurrent;
using Grpc.Core;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Contracts.Summary.V1;
using Summaries.Replicas.Tests.Infrastructure;
using Summaries.Testing.Replicas;

namespace Summaries.Replicas.Tests.Faults;

/// <summary>
/// A rolling restart as Kubernetes does it: each replica in turn gets SIGTERM, drains, exits and is
/// started again, while clients keep calling through a balanced channel. No call may fail.
/// </summary>
public sealed class RollingRestartTests : OwnReplicaSystem
{
    [SkippableFact]
    public async Task SteadyLoad_EachIngestionAndSummaryReplicaRestartedInTurn_NoCallFails()
    {
        Skip.IfNot(ProcessSignals.Supported, "SIGTERM is sent with kill(1).");
        var system = System();
        var run = Guid.NewGuid().ToString("N")[..8];
        using var ingestionChannel = system.IngestionChannel();
        using var summaryChannel = system.SummaryChannel();
        var ingestion = new IngestionService.IngestionServiceClient(ingestionChannel);
        var summary = new SummaryService.SummaryServiceClient(summaryChannel);
        var seed = (await ingestion.ListArticlesAsync(new ListArticlesRequest { PageSize = 1000 })).Articles
            .Single(a => a.Body.Contains("Blinken", StringComparison.Ordinal));
        await system.AnnotatedAsync(seed.Name);

        var failures = new ConcurrentQueue<string>();
        var created = new ConcurrentDictionary<string, string>();
        var calls = 0;
        using var stop = new CancellationTokenSource();
        var next = -1;
        var load = Enumerable.Range(0, 3).Select(worker => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref next);
                try
                {
                    var article = await ingestion.CreateArticleAsync(
                        new CreateArticleRequest { Article = TestArticles.Make(run, n), RequestId = $"{run}-{n}" },
                        deadline: DateTime.UtcNow.AddSeconds(30));
                    created[$"{run}-{n}"] = article.Article.Name;
                    await ingestion.GetArticleAsync(new GetArticleRequest { Name = article.Article.Name }, deadline: DateTime.UtcNow.AddSeconds(30));
                    await summary.CreateBriefingAsync(
                        new CreateBriefingRequest { ArticleNames = { seed.Name }, Options = new BriefingOptions { Engine = EnginePreference.Builtin } },
                        deadline: DateTime.UtcNow.AddSeconds(30));
                    Interlocked.Add(ref calls, 3);
                }
                catch (RpcException ex)
                {
                    failures.Enqueue($"item {n}: {ex.StatusCode} {ex.Status.Detail}");
                }
            }
        })).ToList();

        await Task.Delay(1000);
        for (var i = 0; i < system.Replicas; i++)
        {
            await RestartAsync(system.Ingestion[i]!, () => system.StartIngestion(i), ReplicaSystem.IngestionServiceName);
            await RestartAsync(system.Summary[i]!, () => system.StartSummary(i), ReplicaSystem.SummaryServiceName);
        }

        await Task.Delay(1000);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.True(failures.IsEmpty, $"{failures.Count} of {calls + failures.Count} calls failed: {string.Join("; ", failures.Take(5))}");
        Assert.True(calls > 30, $"Only {calls} calls were made during the restarts.");
        Assert.Equal(created.Count, created.Values.Distinct().Count());
    }

    private static async Task RestartAsync(ServiceProcess replica, Func<ServiceProcess> start, string serviceName)
    {
        await ProcessSignals.TerminateAsync(replica);
        var exit = await replica.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.True(exit == 0, $"{replica.Name} exited with {exit} on SIGTERM:\n{replica.RecentOutput}");
        await replica.DisposeAsync();
        await start().WaitHealthyAsync(serviceName, TimeSpan.FromSeconds(90));
    }
}
