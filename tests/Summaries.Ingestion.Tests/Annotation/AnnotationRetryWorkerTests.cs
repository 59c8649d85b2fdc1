using Summaries.Ingestion.Annotation;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Tests.Infrastructure;

namespace Summaries.Ingestion.Tests.Annotation;

public sealed class AnnotationRetryWorkerTests : IDisposable
{
    private readonly DomainHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private AnnotationRetryWorker Worker =>
        _harness.Get<IEnumerable<Microsoft.Extensions.Hosting.IHostedService>>().OfType<AnnotationRetryWorker>().Single();

    [Fact]
    public async Task RunOnceAsync_EntityServiceBack_PendingArticleBecomesDone()
    {
        _harness.Annotator.FailWith = FakeAnnotator.Refused;
        var created = (await _harness.Articles.CreateAsync(TestArticles.Command(), CancellationToken.None)).Article;
        _harness.Annotator.FailWith = null;

        Assert.Equal(0, await Worker.RunOnceAsync(CancellationToken.None));
        _harness.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, await Worker.RunOnceAsync(CancellationToken.None));

        var stored = await _harness.Articles.GetAsync(created.Name, CancellationToken.None);
        Assert.Equal(AnnotationState.Done, stored.AnnotationState);
        Assert.Equal(string.Empty, stored.AnnotationError);
    }

    [Fact]
    public async Task RunOnceAsync_StillRefusing_TriesEveryDueArticle()
    {
        _harness.Annotator.FailWith = FakeAnnotator.Refused;
        for (var i = 0; i < 3; i++)
        {
            await _harness.Articles.CreateAsync(TestArticles.Command(i), CancellationToken.None);
        }

        _harness.Time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(3, await Worker.RunOnceAsync(CancellationToken.None));
        Assert.Equal(6, _harness.Annotator.Calls);
    }

    [Fact]
    public async Task RunOnceAsync_TimingOut_StopsAfterFirst()
    {
        _harness.Annotator.FailWith = FakeAnnotator.TimedOut;
        for (var i = 0; i < 3; i++)
        {
            await _harness.Articles.CreateAsync(TestArticles.Command(i), CancellationToken.None);
        }

        var callsAfterCreate = _harness.Annotator.Calls;
        _harness.Time.Advance(TimeSpan.FromSeconds(15));

        Assert.Equal(1, await Worker.RunOnceAsync(CancellationToken.None));
        Assert.Equal(callsAfterCreate + 1, _harness.Annotator.Calls);
    }

    [Fact]
    public async Task RunOnceAsync_MaxAttemptsReached_ArticleFailed()
    {
        _harness.Annotator.FailWith = FakeAnnotator.Refused;
        var created = (await _harness.Articles.CreateAsync(TestArticles.Command(), CancellationToken.None)).Article;

        for (var i = 0; i < 25; i++)
        {
            _harness.Time.Advance(TimeSpan.FromMinutes(6));
            await Worker.RunOnceAsync(CancellationToken.None);
        }

        var stored = await _harness.Articles.GetAsync(created.Name, CancellationToken.None);
        Assert.Equal(AnnotationState.Failed, stored.AnnotationState);
        Assert.Equal(20, stored.AnnotationAttempts);
        Assert.StartsWith("gave up after 20 attempts", stored.AnnotationError, StringComparison.Ordinal);
    }
}
