using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Importing;
using Summaries.Ingestion.Tests.Infrastructure;

namespace Summaries.Ingestion.Tests.Annotation;

/// <summary>The entity service goes away during a 1,000-article stream and comes back 30 s later.</summary>
public sealed class AnnotationOutageTests : IDisposable
{
    private readonly DomainHarness _harness = new(startWorker: true);

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task ImportAsync_EntityServiceDownThenBack_AllStoredThenAllAnnotated()
    {
        _harness.Annotator.FailWith = FakeAnnotator.Refused;

        var results = new List<ImportResult>();
        await foreach (var result in _harness.Importer.ImportAsync(Items(1_000), maxItems: null, CancellationToken.None))
        {
            results.Add(result);
        }

        Assert.All(results, r => Assert.True(r.Outcome?.Created));
        // The stream never waited for the entity service; the worker, woken by its commits, tries each
        // article once meanwhile.
        await WaitUntilAsync(async () => (await AllAsync()).All(a => a.AnnotationAttempts == 1));
        Assert.All(await AllAsync(), a => Assert.Equal(AnnotationState.Pending, a.AnnotationState));

        // Back 30 s later: once the articles are due again, the worker's passes annotate everything.
        _harness.Annotator.FailWith = null;
        _harness.Time.Advance(TimeSpan.FromSeconds(30));
        await WaitUntilAsync(async () => (await AllAsync()).All(a => a.AnnotationState == AnnotationState.Done));

        var stored = await AllAsync();
        Assert.Equal(1_000, stored.Count);
        Assert.All(stored, a => Assert.Equal(AnnotationState.Done, a.AnnotationState));
        Assert.All(stored, a => Assert.Equal(2, a.AnnotationAttempts));
    }

    private async Task<IReadOnlyList<Article>> AllAsync() =>
        await _harness.Store.ListAfterAsync(0, 10_000, CancellationToken.None);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    private static async IAsyncEnumerable<ImportItem> Items(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return new ImportItem($"outage-{i}", TestArticles.Command(i, $"outage-{i}"));
            await Task.Yield();
        }
    }
}
