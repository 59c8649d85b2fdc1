using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Storage;
using Summaries.Ingestion.Tests.Infrastructure;

namespace Summaries.Ingestion.Tests.Storage;

/// <summary>The storage contract, run against every store (see the subclasses at the end of the file).</summary>
public abstract class ArticleStoreSuite : IDisposable
{
    protected ArticleStoreSuite(Func<ITestDatabase> database) => Harness = new DomainHarness(database: database());

    protected DomainHarness Harness { get; }

    private IArticleStore Store => Harness.Store;

    public void Dispose()
    {
        Harness.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public async Task MigrateAsync_SecondRun_KeepsData()
    {
        await InsertAsync(1);
        Harness.Migrate();

        Assert.Equal(1, await Store.GetLatestSequenceAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task InsertAsync_RequestIdTaken_ReturnsExistingRow()
    {
        var first = await InsertAsync(1, "req");
        var second = await InsertAsync(2, "req");

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Article, second.Article);
    }

    [SkippableFact]
    public async Task InsertAsync_SameHash_ReturnsExistingRow()
    {
        var first = await InsertAsync(1, "req-a", hash: "h");
        var second = await InsertAsync(2, "req-b", hash: "h");

        Assert.False(second.Created);
        Assert.Equal(first.Article.Id, second.Article.Id);
    }

    [SkippableFact]
    public async Task InsertAsync_IdCollision_RetriesWithFreshId()
    {
        var first = await InsertAsync(1, id: "sameid");
        var second = await InsertAsync(2, id: "sameid");

        Assert.True(second.Created);
        Assert.NotEqual(first.Article.Id, second.Article.Id);
    }

    [SkippableFact]
    public async Task InsertAsync_RoundTrip_KeepsEveryField()
    {
        var published = new DateTimeOffset(2023, 6, 19, 18, 0, 0, 123, TimeSpan.Zero);
        var content = TestArticles.Input(5) with { Body = "  Ünïcode\r\n\r\nA\tcaption line (AP Photo/Someone)\r\nLast  line. ", PublishTime = published, Language = "pt-BR" };
        var record = TestRecords.For(content, Harness.Time.GetUtcNow(), id: "abc", requestId: "r");
        var outcome = await Store.InsertAsync(record, CancellationToken.None);

        var stored = await Store.GetAsync("abc", CancellationToken.None);
        Assert.Equal(outcome.Article, stored);
        Assert.Equal(published, stored!.PublishTime);
        Assert.Equal(Harness.Time.GetUtcNow(), stored.CreateTime);
        Assert.Equal(content.Body, stored.Body);
        Assert.Equal("Ünïcode\n\nLast line.", stored.CleanedBody);
        Assert.Equal(record.Cleaned.Segments, stored.CleanedSegments);
        Assert.Equal(record.ContentHash, stored.ContentHash);
        Assert.Equal("abc", stored.DuplicateGroup);
        Assert.Equal(string.Empty, stored.DuplicateOf);
        Assert.Equal("pt-BR", stored.Language);
        Assert.Equal("r", stored.RequestId);
        Assert.Equal(AnnotationState.Pending, stored.AnnotationState);
    }

    [SkippableFact]
    public async Task InsertManyAsync_RepeatsInsideOneGroup_SecondGetsTheFirst()
    {
        var now = Harness.Time.GetUtcNow();
        var outcomes = await Store.InsertManyAsync(
            [
                TestRecords.For(TestArticles.Input(1), now, requestId: "a"),
                TestRecords.For(TestArticles.Input(2), now, requestId: "a"),
                TestRecords.For(TestArticles.Input(3), now),
                TestRecords.For(TestArticles.Input(3) with { Title = "Other title" }, now),
            ],
            CancellationToken.None);

        Assert.Equal([true, false, true, false], outcomes.Select(o => o.Created));
        Assert.Equal(outcomes[0].Article.Id, outcomes[1].Article.Id);
        Assert.Equal(outcomes[2].Article.Id, outcomes[3].Article.Id);
        Assert.Equal(2, (await Store.ListAsync(10, null, ArticleFilter.None, CancellationToken.None)).Articles.Count);
    }

    [SkippableFact]
    public async Task ListAsync_KeysetPages_NewestFirstWithoutOverlap()
    {
        var sequences = new List<long>();
        for (var i = 1; i <= 5; i++)
        {
            sequences.Add((await InsertAsync(i)).Article.Sequence);
        }

        var first = await Store.ListAsync(2, null, ArticleFilter.None, CancellationToken.None);
        // A delete between pages shifts nothing: the next page starts below the last sequence seen.
        await Store.DeleteAsync(first.Articles[0].Id, CancellationToken.None);
        var second = await Store.ListAsync(2, first.NextBefore, ArticleFilter.None, CancellationToken.None);
        var third = await Store.ListAsync(2, second.NextBefore, ArticleFilter.None, CancellationToken.None);

        Assert.Equal(sequences[3..].AsEnumerable().Reverse(), first.Articles.Select(a => a.Sequence));
        Assert.Equal(sequences[1..3].AsEnumerable().Reverse(), second.Articles.Select(a => a.Sequence));
        Assert.Equal([sequences[0]], third.Articles.Select(a => a.Sequence));
        Assert.Null(third.NextBefore);
    }

    [SkippableFact]
    public async Task ListAfterAsync_AfterCursor_OldestFirst()
    {
        var sequences = new List<long>();
        for (var i = 1; i <= 4; i++)
        {
            sequences.Add((await InsertAsync(i)).Article.Sequence);
        }

        var after = await Store.ListAfterAsync(sequences[1], 10, CancellationToken.None);

        Assert.Equal(sequences[2..], after.Select(a => a.Sequence));
    }

    [SkippableFact]
    public async Task DeleteAsync_Sequence_NeverReused()
    {
        var first = await InsertAsync(1);
        Assert.True(await Store.DeleteAsync(first.Article.Id, CancellationToken.None));
        Assert.False(await Store.DeleteAsync(first.Article.Id, CancellationToken.None));
        var second = await InsertAsync(2);

        Assert.True(second.Article.Sequence > first.Article.Sequence);
    }

    [SkippableFact]
    public async Task UpdateAnnotationAsync_AfterDone_LateFailureIgnored()
    {
        var article = (await InsertAsync(1)).Article;
        await Store.UpdateAnnotationAsync(article.Id, new AnnotationUpdate(AnnotationState.Done, "", 1, null), CancellationToken.None);
        await Store.UpdateAnnotationAsync(article.Id, new AnnotationUpdate(AnnotationState.Pending, "late", 2, DateTimeOffset.UnixEpoch), CancellationToken.None);

        var stored = await Store.GetAsync(article.Id, CancellationToken.None);
        Assert.Equal(AnnotationState.Done, stored!.AnnotationState);
        Assert.Equal(string.Empty, stored.AnnotationError);
        Assert.Equal(1, stored.AnnotationAttempts);
    }

    [SkippableFact]
    public async Task ClaimDueForAnnotationAsync_OnlyPendingDueAndUnclaimed_OldestDueFirst()
    {
        var now = Harness.Time.GetUtcNow();
        var later = (await InsertAsync(1, nextAnnotation: now.AddSeconds(-1))).Article;
        await InsertAsync(2, nextAnnotation: now.AddMinutes(1));
        var done = (await InsertAsync(3, nextAnnotation: now.AddSeconds(-5))).Article;
        var first = (await InsertAsync(4, nextAnnotation: now.AddSeconds(-9))).Article;
        var deleted = (await InsertAsync(5, nextAnnotation: now.AddSeconds(-9))).Article;
        await Store.UpdateAnnotationAsync(done.Id, new AnnotationUpdate(AnnotationState.Done, "", 1, null), CancellationToken.None);
        await Store.DeleteAsync(deleted.Id, CancellationToken.None);

        var claim = new AnnotationClaim("a", now, now.AddMinutes(1));
        var one = await Store.ClaimDueForAnnotationAsync(claim, 1, CancellationToken.None);
        var rest = await Store.ClaimDueForAnnotationAsync(claim, 10, CancellationToken.None);
        var none = await Store.ClaimDueForAnnotationAsync(claim with { Claimant = "b" }, 10, CancellationToken.None);

        Assert.Equal([first.Id], one.Select(a => a.Id));
        Assert.Equal([later.Id], rest.Select(a => a.Id));
        Assert.Empty(none);
    }

    [SkippableFact]
    public async Task ClaimDueForAnnotationAsync_LeaseOver_ClaimedAgain()
    {
        var now = Harness.Time.GetUtcNow();
        var article = (await InsertAsync(1)).Article;
        await Store.ClaimDueForAnnotationAsync(new AnnotationClaim("a", now, now.AddSeconds(30)), 10, CancellationToken.None);

        var before = await Store.ClaimDueForAnnotationAsync(new AnnotationClaim("b", now.AddSeconds(29), now.AddSeconds(90)), 10, CancellationToken.None);
        var after = await Store.ClaimDueForAnnotationAsync(new AnnotationClaim("b", now.AddSeconds(30), now.AddSeconds(90)), 10, CancellationToken.None);

        Assert.Empty(before);
        Assert.Equal([article.Id], after.Select(a => a.Id));
    }

    [SkippableFact]
    public async Task CountAnnotationBacklogAsync_PendingAndFailedOfExistingArticles()
    {
        await InsertAsync(1);
        var retrying = (await InsertAsync(2)).Article;
        var done = (await InsertAsync(3)).Article;
        var failed = (await InsertAsync(4)).Article;
        var deleted = (await InsertAsync(5)).Article;
        await Store.UpdateAnnotationAsync(retrying.Id, new AnnotationUpdate(AnnotationState.Pending, "refused", 1, Harness.Time.GetUtcNow()), CancellationToken.None);
        await Store.UpdateAnnotationAsync(done.Id, new AnnotationUpdate(AnnotationState.Done, "", 1, null), CancellationToken.None);
        await Store.UpdateAnnotationAsync(failed.Id, new AnnotationUpdate(AnnotationState.Failed, "rejected: no", 1, null), CancellationToken.None);
        await Store.DeleteAsync(deleted.Id, CancellationToken.None);

        Assert.Equal(new AnnotationBacklog(2, 1), await Store.CountAnnotationBacklogAsync(CancellationToken.None));
    }

    protected Task<CreateArticleOutcome> InsertAsync(
        int n, string? requestId = null, string? hash = null, string? id = null, DateTimeOffset? nextAnnotation = null) =>
        Store.InsertAsync(
            TestRecords.For(TestArticles.Input(n), Harness.Time.GetUtcNow(), id, requestId, hash ?? $"hash-{n}", nextAnnotation),
            CancellationToken.None);
}
