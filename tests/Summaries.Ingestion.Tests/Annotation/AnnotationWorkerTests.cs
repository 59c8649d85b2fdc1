using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Storage;
using Summaries.Ingestion.Tests.Infrastructure;

namespace Summaries.Ingestion.Tests.Annotation;

/// <summary>
/// The outbox's one reader, run pass by pass: first attempts and retries are the same claim of due
/// articles, and a claim keeps other workers off an article until it is recorded or runs out.
/// </summary>
public abstract class AnnotationWorkerSuite(Func<ITestDatabase> database) : IDisposable
{
    private readonly DomainHarness _harness = new(database: database());

    public void Dispose()
    {
        _harness.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public async Task RunOnceAsync_EntityServiceBack_PendingArticleBecomesDone()
    {
        _harness.Annotator.FailWith = FakeAnnotator.Refused;
        var created = (await _harness.Articles.CreateAsync(TestArticles.Command(), CancellationToken.None)).Article;
        Assert.Equal(1, await _harness.Worker.RunOnceAsync(CancellationToken.None));
        _harness.Annotator.FailWith = null;

        Assert.Equal(0, await _harness.Worker.RunOnceAsync(CancellationToken.None));
        _harness.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, await _harness.Worker.RunOnceAsync(CancellationToken.None));

        var stored = await _harness.Articles.GetAsync(created.Name, CancellationToken.None);
        Assert.Equal(AnnotationState.Done, stored.AnnotationState);
        Assert.Equal(string.Empty, stored.AnnotationError);
        Assert.Equal(2, stored.AnnotationAttempts);
    }

    [SkippableFact]
    public async Task RunOnceAsync_StillRefusing_TriesEveryDueArticle()
    {
        _harness.Annotator.FailWith = FakeAnnotator.Refused;
        for (var i = 0; i < 3; i++)
        {
            await _harness.Articles.CreateAsync(TestArticles.Command(i), CancellationToken.None);
        }

        Assert.Equal(3, await _harness.Worker.RunOnceAsync(CancellationToken.None));
        _harness.Time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(3, await _harness.Worker.RunOnceAsync(CancellationToken.None));
        Assert.Equal(6, _harness.Annotator.Calls);
    }

    [SkippableFact]
    public async Task RunOnceAsync_EntityServiceJustTimedOut_SkipsTheCall()
    {
        _harness.Annotator.FailWith = FakeAnnotator.TimedOut;
        await _harness.Articles.CreateAsync(TestArticles.Command(1), CancellationToken.None);
        await _harness.Worker.RunOnceAsync(CancellationToken.None);
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        var second = (await _harness.Articles.CreateAsync(TestArticles.Command(2), CancellationToken.None)).Article;

        Assert.Equal(1, await _harness.Worker.RunOnceAsync(CancellationToken.None));

        Assert.Equal(1, _harness.Annotator.Calls);
        var stored = await _harness.Articles.GetAsync(second.Name, CancellationToken.None);
        Assert.Equal((AnnotationState.Pending, 0), (stored.AnnotationState, stored.AnnotationAttempts));
        Assert.Contains("timed out moments ago", stored.AnnotationError, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task RunOnceAsync_MaxAttemptsReached_ArticleFailed()
    {
        _harness.Annotator.FailWith = FakeAnnotator.Refused;
        var created = (await _harness.Articles.CreateAsync(TestArticles.Command(), CancellationToken.None)).Article;

        for (var i = 0; i < 25; i++)
        {
            await _harness.Worker.RunOnceAsync(CancellationToken.None);
            _harness.Time.Advance(TimeSpan.FromMinutes(6));
        }

        var stored = await _harness.Articles.GetAsync(created.Name, CancellationToken.None);
        Assert.Equal(AnnotationState.Failed, stored.AnnotationState);
        Assert.Equal(20, stored.AnnotationAttempts);
        Assert.StartsWith("gave up after 20 attempts", stored.AnnotationError, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task RunOnceAsync_ClaimedByAWorkerThatDied_TakenOverWhenTheLeaseEnds()
    {
        var created = (await _harness.Articles.CreateAsync(TestArticles.Command(), CancellationToken.None)).Article;
        // Another replica claims the article and is never heard from again.
        var now = _harness.Time.GetUtcNow();
        var taken = await _harness.Store.ClaimDueForAnnotationAsync(
            new AnnotationClaim("replica-that-died", now, now + TimeSpan.FromMinutes(1)), 10, CancellationToken.None);
        Assert.Equal([created.Id], taken.Select(a => a.Id));

        Assert.Equal(0, await _harness.Worker.RunOnceAsync(CancellationToken.None));
        _harness.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await _harness.Worker.RunOnceAsync(CancellationToken.None));
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await _harness.Worker.RunOnceAsync(CancellationToken.None));

        Assert.Equal(1, _harness.Annotator.Calls);
        Assert.Equal(AnnotationState.Done, (await _harness.Articles.GetAsync(created.Name, CancellationToken.None)).AnnotationState);
    }

    [SkippableFact]
    public async Task ClaimDueForAnnotationAsync_OutcomeRecorded_ClaimEnds()
    {
        _harness.Annotator.FailWith = FakeAnnotator.Refused;
        var created = (await _harness.Articles.CreateAsync(TestArticles.Command(), CancellationToken.None)).Article;
        Assert.Equal(1, await _harness.Worker.RunOnceAsync(CancellationToken.None));

        // Due again after its backoff (5 s), long before the pass's claim (1 min) would have run out.
        _harness.Time.Advance(TimeSpan.FromSeconds(5));
        var now = _harness.Time.GetUtcNow();
        var again = await _harness.Store.ClaimDueForAnnotationAsync(
            new AnnotationClaim("other", now, now + TimeSpan.FromMinutes(1)), 10, CancellationToken.None);

        Assert.Equal([created.Id], again.Select(a => a.Id));
        Assert.Equal(1, again[0].AnnotationAttempts);
    }
}

public sealed class SqliteAnnotationWorkerTests() : AnnotationWorkerSuite(() => new SqliteTestDatabase());

public sealed class PostgresAnnotationWorkerTests() : AnnotationWorkerSuite(() => new PostgresTestDatabase());
