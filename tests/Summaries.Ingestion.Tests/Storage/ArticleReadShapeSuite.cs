using System.Globalization;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Tests.Infrastructure;

namespace Summaries.Ingestion.Tests.Storage;

/// <summary>The basic view and the byte budget of listings and reads by name, on every store.</summary>
public abstract class ArticleReadShapeSuite : IDisposable
{
    private const long Budget = 1_000_000;

    protected ArticleReadShapeSuite(Func<ITestDatabase> database) => Harness = new DomainHarness(database: database());

    protected DomainHarness Harness { get; }

    public void Dispose()
    {
        Harness.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public async Task ListAsync_BasicView_NoBodiesEverythingElseAsStored()
    {
        for (var i = 0; i < 3; i++)
        {
            await Harness.Articles.CreateAsync(TestArticles.Command(i), CancellationToken.None);
        }

        var full = await Harness.Articles.ListAsync(10, null, null, CancellationToken.None);
        var basic = await Harness.Articles.ListAsync(10, null, null, new ArticleReadShape(ArticleView.Basic, Budget), CancellationToken.None);

        Assert.Equal(3, basic.Articles.Count);
        Assert.All(basic.Articles, a => Assert.True(a.Body.Length == 0 && a.CleanedBody.Length == 0 && a.CleanedSegments.Count == 0));
        Assert.All(full.Articles, a => Assert.True(a.Body.Length > 0 && a.CleanedSegments.Count > 0));
        Assert.Equal(
            full.Articles.Select(a => a with { Body = string.Empty, CleanedBody = string.Empty, CleanedSegments = basic.Articles[0].CleanedSegments }),
            basic.Articles);
    }

    [SkippableFact]
    public async Task ListAsync_LargeArticles_PagesStayUnderTheBudgetAndPageOn()
    {
        var names = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            names.Add((await Harness.Articles.CreateAsync(Large(i, 300_000), CancellationToken.None)).Article.Name);
        }

        var shape = new ArticleReadShape(ArticleView.Full, Budget);
        var seen = new List<string>();
        var pages = 0;
        var token = string.Empty;
        do
        {
            // Asks for far more than fits: the budget, not the page size, ends each page.
            var page = await Harness.Articles.ListAsync(100, token, null, shape, CancellationToken.None);
            Assert.InRange(page.Articles.Count, 1, 100);
            Assert.InRange(page.Articles.Sum(ArticleReadShape.SizeOf), 1, Budget);
            seen.AddRange(page.Articles.Select(a => a.Name));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);

        Assert.Equal(Enumerable.Reverse(names), seen);
        Assert.InRange(pages, 3, 7);
    }

    [SkippableFact]
    public async Task ListAsync_OneArticleOverTheBudget_ReturnedAloneWithATokenForTheRest()
    {
        await Harness.Articles.CreateAsync(TestArticles.Command(1), CancellationToken.None);
        var big = (await Harness.Articles.CreateAsync(Large(2, 300_000), CancellationToken.None)).Article;

        var first = await Harness.Articles.ListAsync(10, null, null, new ArticleReadShape(ArticleView.Full, 100_000), CancellationToken.None);
        var second = await Harness.Articles.ListAsync(10, first.NextPageToken, null, new ArticleReadShape(ArticleView.Full, 100_000), CancellationToken.None);

        Assert.Equal([big.Name], first.Articles.Select(a => a.Name));
        Assert.NotEmpty(first.NextPageToken);
        Assert.Single(second.Articles);
        Assert.Empty(second.NextPageToken);
    }

    [SkippableFact]
    public async Task GetManyAsync_MissingAndOverBudget_FoundInOrderMissingReportedRestDeferred()
    {
        var names = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            names.Add((await Harness.Articles.CreateAsync(Large(i, 300_000), CancellationToken.None)).Article.Name);
        }

        string[] asked = [names[3], "articles/nosuch", names[0], names[4], names[1], names[2]];
        var batch = await Harness.Articles.GetManyAsync(asked, new ArticleReadShape(ArticleView.Full, Budget), CancellationToken.None);
        var basic = await Harness.Articles.GetManyAsync(asked, new ArticleReadShape(ArticleView.Basic, Budget), CancellationToken.None);

        // About 600 KB an article (body and cleaned body): one fits the budget, and the first always comes.
        Assert.Equal([names[3]], batch.Articles.Select(a => a.Name));
        Assert.Empty(batch.MissingNames);
        Assert.Equal(asked.Skip(1), batch.DeferredNames);
        Assert.Equal([names[3], names[0], names[4], names[1], names[2]], basic.Articles.Select(a => a.Name));
        Assert.Equal(["articles/nosuch"], basic.MissingNames);
        Assert.Empty(basic.DeferredNames);
        Assert.All(basic.Articles, a => Assert.Empty(a.Body));
    }

    /// <summary>An article of about <paramref name="chars"/> characters of words no other article has.</summary>
    private static CreateArticleCommand Large(int n, int chars)
    {
        var words = new System.Text.StringBuilder(chars + 64);
        for (var k = 0; words.Length < chars; k++)
        {
            words.Append("word").Append(n.ToString(CultureInfo.InvariantCulture)).Append('q').Append(k.ToString(CultureInfo.InvariantCulture))
                .Append(k % 12 == 11 ? ".\n\n" : " ");
        }

        return new CreateArticleCommand(TestArticles.Input(n) with { Body = words.ToString() }, string.Empty);
    }
}

public sealed class SqliteArticleReadShapeTests() : ArticleReadShapeSuite(() => new SqliteTestDatabase());

public sealed class PostgresArticleReadShapeTests() : ArticleReadShapeSuite(() => new PostgresTestDatabase());
