using Summaries.Ingestion.Annotation;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Tests.Infrastructure;

namespace Summaries.Ingestion.Tests.Annotation;

/// <summary>Claimed articles go several to a call, each article with its own outcome.</summary>
public sealed class AnnotationDispatcherTests : IDisposable
{
    private readonly DomainHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task AnnotateAsync_FortyArticles_ThreeCallsAllDone()
    {
        var articles = await StoreAsync(40);

        await _harness.Get<AnnotationDispatcher>().AnnotateAsync(articles, CancellationToken.None);

        Assert.Equal(3, _harness.Annotator.BatchCalls);
        Assert.Equal(40, _harness.Annotator.Calls);
        Assert.All(await ReadBackAsync(articles), a => Assert.Equal(AnnotationState.Done, a.AnnotationState));
    }

    [Fact]
    public async Task AnnotateAsync_OneRefusedForGood_ThatOneFailedOthersDone()
    {
        var articles = await StoreAsync(5);
        var refused = articles[2].Id;
        _harness.Annotator.FailArticle = a => a.Id == refused
            ? new AnnotationFailure("entity service: INVALID_ARGUMENT: text: must not be empty", Permanent: true, TimedOut: false)
            : null;

        await _harness.Get<AnnotationDispatcher>().AnnotateAsync(articles, CancellationToken.None);

        var stored = await ReadBackAsync(articles);
        Assert.Equal(AnnotationState.Failed, stored[2].AnnotationState);
        Assert.Contains("INVALID_ARGUMENT", stored[2].AnnotationError, StringComparison.Ordinal);
        Assert.All(stored.Where(a => a.Id != refused), a => Assert.Equal(AnnotationState.Done, a.AnnotationState));
    }

    [Fact]
    public async Task AnnotateAsync_CallRefused_AllPendingWithTheReason()
    {
        var articles = await StoreAsync(20);
        _harness.Annotator.FailWith = FakeAnnotator.Refused;

        await _harness.Get<AnnotationDispatcher>().AnnotateAsync(articles, CancellationToken.None);

        Assert.All(await ReadBackAsync(articles), a =>
        {
            Assert.Equal(AnnotationState.Pending, a.AnnotationState);
            Assert.Equal(FakeAnnotator.Refused.Message, a.AnnotationError);
            Assert.Equal(1, a.AnnotationAttempts);
        });
    }

    private async Task<List<Article>> StoreAsync(int count)
    {
        var articles = new List<Article>();
        for (var i = 0; i < count; i++)
        {
            var record = _harness.Get<ArticlePreparer>().Prepare(TestArticles.Command(1_000 + i), CancellationToken.None);
            articles.AddRange((await _harness.Store.InsertManyAsync([record], CancellationToken.None)).Select(o => o.Article));
        }

        return articles;
    }

    private async Task<List<Article>> ReadBackAsync(IEnumerable<Article> articles)
    {
        var stored = new List<Article>();
        foreach (var article in articles)
        {
            stored.Add((await _harness.Store.GetAsync(article.Id, CancellationToken.None))!);
        }

        return stored;
    }
}
