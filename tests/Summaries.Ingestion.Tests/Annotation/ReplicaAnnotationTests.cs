using Summaries.Ingestion.Annotation;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Storage;
using Summaries.Ingestion.Tests.Infrastructure;

namespace Summaries.Ingestion.Tests.Annotation;

/// <summary>
/// Two replicas (each its own store, worker and entity client) on one PostgreSQL database: their
/// workers drain the same outbox at once, and claims keep each article to one attempt.
/// </summary>
public sealed class ReplicaAnnotationTests : IDisposable
{
    private const int Articles = 300;

    private static readonly Dictionary<string, string?> Settings = new()
    {
        // Small claims, so the two workers take many turns at the outbox.
        ["Ingestion:Annotation:BatchSize"] = "16",
    };

    private readonly PostgresTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [SkippableFact]
    public async Task RunOnceAsync_TwoReplicasDrainingTogether_EachArticleAnnotatedExactlyOnce()
    {
        using var first = new DomainHarness(Settings, new SharedDatabase(_database));
        using var second = new DomainHarness(Settings, new SharedDatabase(_database));
        first.Annotator.BatchCallTime = second.Annotator.BatchCallTime = TimeSpan.FromMilliseconds(20);
        var ids = new List<string>();
        for (var group = 0; group < Articles / 30; group++)
        {
            // Stored through both replicas, as a load balancer would spread the creates.
            var replica = group % 2 == 0 ? first : second;
            var records = Enumerable.Range(group * 30, 30)
                .Select(i => replica.Get<ArticlePreparer>().Prepare(TestArticles.Command(i), CancellationToken.None))
                .ToList();
            ids.AddRange((await replica.Store.InsertManyAsync(records, CancellationToken.None)).Select(o => o.Article.Id));
        }

        await Task.WhenAll(Task.Run(() => DrainAsync(first.Worker)), Task.Run(() => DrainAsync(second.Worker)));

        var calls = first.Annotator.CallsPerArticle.Concat(second.Annotator.CallsPerArticle)
            .GroupBy(c => c.Key, c => c.Value)
            .ToDictionary(g => g.Key, g => g.Sum());
        Assert.Equal(ids.Order(StringComparer.Ordinal), calls.Keys.Order(StringComparer.Ordinal));
        Assert.All(calls, c => Assert.Equal(1, c.Value));
        // Both took part: otherwise "exactly once" would say nothing about claims.
        Assert.InRange(first.Annotator.Calls, 1, Articles - 1);
        Assert.Equal(Articles, first.Annotator.Calls + second.Annotator.Calls);
        Assert.Equal(new AnnotationBacklog(0, 0), await first.Store.CountAnnotationBacklogAsync(CancellationToken.None));
    }

    private static async Task DrainAsync(AnnotationWorker worker)
    {
        // A pass that finds nothing left unclaimed ends this worker's turn; the other finishes its own.
        while (await worker.RunOnceAsync(CancellationToken.None) > 0)
        {
        }
    }
}
