using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Tests.Infrastructure;
using Summaries.ServiceDefaults.Errors;

namespace Summaries.Ingestion.Tests.Articles;

/// <summary>Idempotency, dedupe and the create-then-annotate path, against a real SQLite file.</summary>
public sealed class ArticleServiceTests : IDisposable
{
    private readonly DomainHarness _harness = new(startWorker: true);

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task CreateAsync_NewArticle_StoredAsSentCleanedAndAnnotated()
    {
        var command = new CreateArticleCommand(TestArticles.Input() with { Body = "  Line one.\r\nLine two.  " }, "req-1");
        var outcome = await _harness.Articles.CreateAsync(command, CancellationToken.None);

        Assert.True(outcome.Created);
        Assert.Matches("^articles/[a-z2-7]{12}$", outcome.Article.Name);
        Assert.Equal("  Line one.\r\nLine two.  ", outcome.Article.Body);
        Assert.Equal("Line one.\nLine two.", outcome.Article.CleanedBody);
        Assert.Equal(ContentHash.Of("Line one.\nLine two."), outcome.Article.ContentHash);
        Assert.Equal(outcome.Article.Id, outcome.Article.DuplicateGroup);
        Assert.Equal(AnnotationState.Done, outcome.Article.AnnotationState);
        Assert.Equal(_harness.Time.GetUtcNow(), outcome.Article.CreateTime);
        var stored = await _harness.Articles.GetAsync(outcome.Article.Name, CancellationToken.None);
        Assert.Equal(AnnotationState.Done, stored.AnnotationState);
        Assert.Equal(1, _harness.Annotator.Calls);
    }

    [Fact]
    public async Task CreateAsync_SameRequestIdTwice_ReturnsFirstArticle()
    {
        var first = await _harness.Articles.CreateAsync(TestArticles.Command(1, "req-same"), CancellationToken.None);
        // A retry that even carries different text still gets the first result: the key decides.
        var second = await _harness.Articles.CreateAsync(TestArticles.Command(2, "req-same"), CancellationToken.None);

        Assert.False(second.Created);
        Assert.Equal(first.Article.Name, second.Article.Name);
        Assert.Single((await _harness.Store.ListAsync(10, null, ArticleFilter.None, CancellationToken.None)).Articles);
        Assert.Equal(1, _harness.Annotator.Calls);
    }

    [Fact]
    public async Task CreateAsync_SameTextOtherRequestId_ReturnsExistingArticle()
    {
        var first = await _harness.Articles.CreateAsync(TestArticles.Command(1, "req-a"), CancellationToken.None);
        var copy = TestArticles.Input(1) with { Title = "Another headline", Body = "\r\n" + TestArticles.Input(1).Body + "  " };
        var second = await _harness.Articles.CreateAsync(new CreateArticleCommand(copy, "req-b"), CancellationToken.None);
        var third = await _harness.Articles.CreateAsync(new CreateArticleCommand(copy), CancellationToken.None);

        Assert.False(second.Created);
        Assert.False(third.Created);
        Assert.Equal(first.Article.Name, second.Article.Name);
        Assert.Equal(first.Article.Name, third.Article.Name);
        Assert.Equal("Headline 1", second.Article.Title);
    }

    [Fact]
    public async Task CreateAsync_TwentyConcurrentSameRequestId_OneArticle()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Task.Run(() => _harness.Articles.CreateAsync(TestArticles.Command(7, "req-concurrent"), CancellationToken.None))));

        Assert.Single(results.Select(r => r.Article.Name).Distinct(StringComparer.Ordinal));
        Assert.Single(results, r => r.Created);
        Assert.Single((await _harness.Store.ListAsync(100, null, ArticleFilter.None, CancellationToken.None)).Articles);
    }

    [Fact]
    public async Task CreateAsync_TwentyConcurrentSameTextNoRequestId_OneArticle()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Task.Run(() => _harness.Articles.CreateAsync(TestArticles.Command(8), CancellationToken.None))));

        Assert.Single(results.Select(r => r.Article.Name).Distinct(StringComparer.Ordinal));
        Assert.Single((await _harness.Store.ListAsync(100, null, ArticleFilter.None, CancellationToken.None)).Articles);
    }

    [Fact]
    public async Task CreateAsync_EntityServiceDown_StoredPendingWithError()
    {
        _harness.Annotator.FailWith = FakeAnnotator.Refused;
        var outcome = await _harness.Articles.CreateAsync(TestArticles.Command(), CancellationToken.None);

        Assert.True(outcome.Created);
        Assert.Equal(AnnotationState.Pending, outcome.Article.AnnotationState);
        Assert.Contains("Unavailable", outcome.Article.AnnotationError, StringComparison.Ordinal);
        var stored = await _harness.Articles.GetAsync(outcome.Article.Name, CancellationToken.None);
        Assert.Equal(outcome.Article.AnnotationError, stored.AnnotationError);
        Assert.Equal(1, stored.AnnotationAttempts);
    }

    [Fact]
    public async Task CreateAsync_EntityServiceRefusing_EveryArticleTriesTheCall()
    {
        _harness.Annotator.FailWith = FakeAnnotator.Refused;
        await _harness.Articles.CreateAsync(TestArticles.Command(1), CancellationToken.None);
        await _harness.Articles.CreateAsync(TestArticles.Command(2), CancellationToken.None);

        Assert.Equal(2, _harness.Annotator.Calls);
    }

    [Fact]
    public async Task CreateAsync_EntityServiceJustTimedOut_SkipsTheCall()
    {
        _harness.Annotator.FailWith = FakeAnnotator.TimedOut;
        await _harness.Articles.CreateAsync(TestArticles.Command(1), CancellationToken.None);
        var second = await _harness.Articles.CreateAsync(TestArticles.Command(2), CancellationToken.None);

        Assert.Equal(1, _harness.Annotator.Calls);
        Assert.Equal(AnnotationState.Pending, second.Article.AnnotationState);
        Assert.Contains("timed out moments ago", second.Article.AnnotationError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_EntityServiceSlowerThanCreateWait_AnsweredPendingThenAnnotated()
    {
        using var harness = new DomainHarness(new Dictionary<string, string?> { ["Ingestion:Annotation:CreateWait"] = "00:00:00.200" }, startWorker: true);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Annotator.Hold = release.Task;

        var create = harness.Articles.CreateAsync(TestArticles.Command(1), CancellationToken.None);
        // CreateWait runs on the test's clock: move it on until the create answers without the annotation.
        for (var i = 0; i < 400 && !create.IsCompleted; i++)
        {
            harness.Time.Advance(TimeSpan.FromMilliseconds(200));
            await Task.Delay(25);
        }

        var outcome = await create.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(AnnotationState.Pending, outcome.Article.AnnotationState);
        Assert.Equal(1, harness.Annotator.Calls);
        release.SetResult();
        // The attempt went on without the caller and records its outcome.
        var stored = outcome.Article;
        for (var i = 0; i < 200 && stored.AnnotationState != AnnotationState.Done; i++)
        {
            await Task.Delay(25);
            stored = await harness.Articles.GetAsync(outcome.Article.Name, CancellationToken.None);
        }

        Assert.Equal(AnnotationState.Done, stored.AnnotationState);
        Assert.Equal(1, harness.Annotator.Calls);
    }

    [Fact]
    public async Task CreateAsync_CallerGivesUpDuringAnnotation_ArticleStoredAndStillAnnotated()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _harness.Annotator.Hold = release.Task;
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _harness.Articles.CreateAsync(TestArticles.Command(1, "req-gone"), caller.Token));

        release.SetResult();
        var retry = await _harness.Articles.CreateAsync(TestArticles.Command(1, "req-gone"), CancellationToken.None);
        for (var i = 0; i < 200 && retry.Article.AnnotationState != AnnotationState.Done; i++)
        {
            await Task.Delay(25);
            retry = retry with { Article = await _harness.Articles.GetAsync(retry.Article.Name, CancellationToken.None) };
        }

        Assert.False(retry.Created);
        Assert.Equal(AnnotationState.Done, retry.Article.AnnotationState);
        Assert.Equal(1, _harness.Annotator.Calls);
    }

    [Fact]
    public async Task CreateAsync_Invalid_ThrowsAndStoresNothing()
    {
        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            _harness.Articles.CreateAsync(new CreateArticleCommand(TestArticles.Input() with { Body = " " }, "r"), CancellationToken.None));

        Assert.Equal("article.body", Assert.Single(ex.Problems).Field);
        Assert.Equal(0, await _harness.Store.GetLatestSequenceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_UnknownName_ThrowsNotFound() =>
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => _harness.Articles.GetAsync("articles/nosuchid", CancellationToken.None));

    [Fact]
    public async Task DeleteAsync_Twice_SecondThrowsNotFound()
    {
        var outcome = await _harness.Articles.CreateAsync(TestArticles.Command(), CancellationToken.None);
        await _harness.Articles.DeleteAsync(outcome.Article.Name, CancellationToken.None);

        await Assert.ThrowsAsync<ResourceNotFoundException>(() => _harness.Articles.DeleteAsync(outcome.Article.Name, CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_PageTokensChain_EachArticleOnceNewestFirst()
    {
        for (var i = 0; i < 7; i++)
        {
            await _harness.Articles.CreateAsync(TestArticles.Command(i), CancellationToken.None);
        }

        var titles = new List<string>();
        var token = string.Empty;
        var pages = 0;
        do
        {
            var page = await _harness.Articles.ListAsync(3, token, "", CancellationToken.None);
            titles.AddRange(page.Articles.Select(a => a.Title));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 7).Reverse().Select(i => $"Headline {i}"), titles);
    }

    [Fact]
    public async Task ListAsync_PageSizeZero_FiftyPerPage()
    {
        for (var i = 0; i < 55; i++)
        {
            await _harness.Articles.CreateAsync(TestArticles.Command(i), CancellationToken.None);
        }

        var page = await _harness.Articles.ListAsync(0, "", "", CancellationToken.None);

        Assert.Equal(50, page.Articles.Count);
        Assert.NotEmpty(page.NextPageToken);
    }

    [Theory]
    [InlineData("garbage!")]
    [InlineData("cDE6YWJj")]
    [InlineData("eyJzZXEiOjF9")]
    public async Task ListAsync_ForgedPageToken_ThrowsOnPageToken(string token)
    {
        var ex = await Assert.ThrowsAsync<ValidationException>(() => _harness.Articles.ListAsync(10, token, "", CancellationToken.None));
        Assert.Equal("page_token", Assert.Single(ex.Problems).Field);
    }

    [Fact]
    public async Task ListAsync_SeveralBadArguments_ReportedTogether()
    {
        var ex = await Assert.ThrowsAsync<ValidationException>(() => _harness.Articles.ListAsync(-1, "%%", "colour = red", CancellationToken.None));
        Assert.Equal(["filter", "page_size", "page_token"], ex.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListAsync_Filter_OnlyMatchingArticles()
    {
        await _harness.Articles.CreateAsync(new CreateArticleCommand(TestArticles.Input(1, "BBC News", "en")), CancellationToken.None);
        await _harness.Articles.CreateAsync(new CreateArticleCommand(TestArticles.Input(2, "BBC News", "fr")), CancellationToken.None);
        await _harness.Articles.CreateAsync(new CreateArticleCommand(TestArticles.Input(3, "AP", "en")), CancellationToken.None);

        var page = await _harness.Articles.ListAsync(0, "", "source = \"BBC News\" AND language = \"en\"", CancellationToken.None);

        Assert.Equal("Headline 1", Assert.Single(page.Articles).Title);
        Assert.Equal(2, (await _harness.Articles.ListAsync(0, "", "source = \"BBC News\"", CancellationToken.None)).Articles.Count);
    }
}
