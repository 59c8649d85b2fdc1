using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Ingestion.Tests.Infrastructure;
using Summaries.Ingestion.Watching;

namespace Summaries.Ingestion.Tests.Grpc;

/// <summary>ListArticles paging and filters, and WatchArticles, through a real GrpcChannel.</summary>
public sealed class ListAndWatchGrpcTests : IClassFixture<IngestionFactory>
{
    private readonly IngestionFactory _factory;
    private readonly IngestionService.IngestionServiceClient _client;

    public ListAndWatchGrpcTests(IngestionFactory factory)
    {
        _factory = factory;
        _client = factory.CreateGrpcClient();
    }

    [Fact]
    public async Task ListArticles_HundredTwentyWithPageSizeFifty_EachExactlyOnce()
    {
        var source = "Paging " + Guid.NewGuid().ToString("N");
        var names = new List<string>();
        for (var i = 0; i < 120; i++)
        {
            names.Add((await _client.CreateArticleAsync(new CreateArticleRequest { Article = Unique(source) })).Article.Name);
        }

        var seen = new List<string>();
        var pageSizes = new List<int>();
        var token = string.Empty;
        do
        {
            var page = await _client.ListArticlesAsync(new ListArticlesRequest { PageSize = 50, PageToken = token, Filter = $"source = \"{source}\"" });
            seen.AddRange(page.Articles.Select(a => a.Name));
            pageSizes.Add(page.Articles.Count);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal([50, 50, 20], pageSizes);
        Assert.Equal(Enumerable.Reverse(names), seen);
    }

    [Fact]
    public async Task ListArticles_FilterChangedBetweenPages_InvalidArgumentOnPageToken()
    {
        var source = "Bound " + Guid.NewGuid().ToString("N");
        for (var i = 0; i < 3; i++)
        {
            await _client.CreateArticleAsync(new CreateArticleRequest { Article = Unique(source) });
        }

        var filter = $"source = \"{source}\"";
        var first = await _client.ListArticlesAsync(new ListArticlesRequest { PageSize = 2, Filter = filter });
        // page_size may change between pages (AIP-158), and so may the filter's outer whitespace.
        var second = await _client.ListArticlesAsync(new ListArticlesRequest { PageSize = 5, PageToken = first.NextPageToken, Filter = " " + filter });
        var ex = await Assert.ThrowsAsync<RpcException>(() => _client.ListArticlesAsync(
            new ListArticlesRequest { PageSize = 2, PageToken = first.NextPageToken, Filter = "source = \"Other Wire\"" }).ResponseAsync);

        Assert.Single(second.Articles);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var violation = Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal("page_token", violation.Field);
        Assert.Contains("different filter", violation.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, "", "", "page_size")]
    [InlineData(0, "not-a-token", "", "page_token")]
    [InlineData(0, "", "author = \"x\"", "filter")]
    [InlineData(0, "", "source = ", "filter")]
    [InlineData(0, "", "publish_time >= \"yesterday\"", "filter")]
    [InlineData(0, "", "publish_time >= \"2024-05-01T00:00:00\"", "filter")]
    [InlineData(0, "", "source < \"b\"", "filter")]
    public async Task ListArticles_BadArgument_InvalidArgumentOnField(int pageSize, string token, string filter, string field)
    {
        var request = new ListArticlesRequest { PageSize = pageSize, PageToken = token, Filter = filter };
        var ex = await Assert.ThrowsAsync<RpcException>(() => _client.ListArticlesAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(field, Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
    }

    [Fact]
    public async Task WatchArticles_FromZero_ReplaysThenDeliversLiveArticle()
    {
        var stored = (await _client.CreateArticleAsync(new CreateArticleRequest { Article = Unique() })).Article;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var call = _client.WatchArticles(new WatchArticlesRequest { Cursor = "0" }, cancellationToken: cts.Token);

        var cursors = new List<long>();
        var sawStored = false;
        while (!sawStored && await call.ResponseStream.MoveNext(cts.Token))
        {
            cursors.Add(long.Parse(call.ResponseStream.Current.Cursor, System.Globalization.CultureInfo.InvariantCulture));
            sawStored = call.ResponseStream.Current.Article.Name == stored.Name;
        }

        Assert.True(sawStored);
        var live = (await _client.CreateArticleAsync(new CreateArticleRequest { Article = Unique() })).Article;
        var sawLive = false;
        while (!sawLive && await call.ResponseStream.MoveNext(cts.Token))
        {
            cursors.Add(long.Parse(call.ResponseStream.Current.Cursor, System.Globalization.CultureInfo.InvariantCulture));
            sawLive = call.ResponseStream.Current.Article.Name == live.Name;
        }

        Assert.True(sawLive);
        Assert.Equal(cursors.Order(), cursors);
        Assert.Equal(cursors.Count, cursors.Distinct().Count());
    }

    [Fact]
    public async Task WatchArticles_ReconnectFromLastCursor_NoGapsNoDuplicates()
    {
        var source = "Resume " + Guid.NewGuid().ToString("N");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var start = (await _client.CreateArticleAsync(new CreateArticleRequest { Article = Unique(source) })).Article;
        var startCursor = await CursorOfAsync(start.Name, cts.Token);
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 60; i++)
            {
                await _client.CreateArticleAsync(new CreateArticleRequest { Article = Unique(source) }, cancellationToken: cts.Token);
            }
        });

        var seen = new List<(string Cursor, string Name)>();
        using (var first = _client.WatchArticles(new WatchArticlesRequest { Cursor = startCursor }, cancellationToken: cts.Token))
        {
            while (seen.Count < 20 && await first.ResponseStream.MoveNext(cts.Token))
            {
                seen.Add((first.ResponseStream.Current.Cursor, first.ResponseStream.Current.Article.Name));
            }
        }

        await writer;
        using (var second = _client.WatchArticles(new WatchArticlesRequest { Cursor = seen[^1].Cursor }, cancellationToken: cts.Token))
        {
            while (seen.Count(s => s.Name.Length > 0) < 60 && await second.ResponseStream.MoveNext(cts.Token))
            {
                var current = second.ResponseStream.Current;
                seen.Add((current.Cursor, current.Article.Source == source ? current.Article.Name : string.Empty));
            }
        }

        var mine = seen.Where(s => s.Name.Length > 0).Select(s => s.Name).ToList();
        Assert.Equal(60, mine.Count);
        Assert.Equal(mine.Count, mine.Distinct(StringComparer.Ordinal).Count());
        var cursors = seen.Select(s => long.Parse(s.Cursor, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(cursors.Order(), cursors);
        Assert.Equal(cursors.Count, cursors.Distinct().Count());
        var listed = await _client.ListArticlesAsync(new ListArticlesRequest { PageSize = 1000, Filter = $"source = \"{source}\"" });
        Assert.Equal(listed.Articles.Select(a => a.Name).Where(n => n != start.Name).Order(StringComparer.Ordinal), mine.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetArticle_BodyWithCaption_CleanedBodyAndSegmentsPointIntoTheBody()
    {
        var article = Unique();
        article.Body = "Leaders met in Geneva (Pool via AP)\r\n\r\nThe  talks began on Monday.\r\nThey ended on Tuesday.";
        var created = (await _client.CreateArticleAsync(new CreateArticleRequest { Article = article })).Article;
        var got = (await _client.GetArticleAsync(new GetArticleRequest { Name = created.Name })).Article;

        Assert.Equal(article.Body, got.Body);
        Assert.Equal("The talks began on Monday.\nThey ended on Tuesday.", got.CleanedBody);
        var first = got.CleanedSegments[0];
        Assert.Equal(0, first.CleanedStart);
        Assert.Equal("The", got.Body.Substring(first.OriginalStart, 3));
        Assert.Equal(got.CleanedBody.Length, got.CleanedSegments.Sum(s => s.CleanedLength));
    }

    private async Task<string> CursorOfAsync(string name, CancellationToken cancellationToken)
    {
        using var call = _client.WatchArticles(new WatchArticlesRequest { Cursor = "0" }, cancellationToken: cancellationToken);
        while (await call.ResponseStream.MoveNext(cancellationToken))
        {
            if (call.ResponseStream.Current.Article.Name == name)
            {
                return call.ResponseStream.Current.Cursor;
            }
        }

        throw new InvalidOperationException(name + " never appeared in the watch");
    }

    [Fact]
    public async Task WatchArticles_BadCursor_InvalidArgumentOnCursor()
    {
        using var call = _client.WatchArticles(new WatchArticlesRequest { Cursor = "yesterday" });
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("cursor", Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
    }

    [Fact]
    public async Task WatchArticles_ClientCancels_ServerStreamEnds()
    {
        var broadcaster = _factory.Services.GetRequiredService<ArticleBroadcaster>();
        using (var cts = new CancellationTokenSource())
        {
            using var call = _client.WatchArticles(new WatchArticlesRequest(), cancellationToken: cts.Token);
            var next = call.ResponseStream.MoveNext(cts.Token);
            await WaitUntilAsync(() => broadcaster.SubscriberCount == 1);
            await cts.CancelAsync();
            var ex = await Assert.ThrowsAsync<RpcException>(() => next);
            Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        }

        // The handler saw the cancellation, unsubscribed and returned.
        await WaitUntilAsync(() => broadcaster.SubscriberCount == 0);
        Assert.Equal(0, broadcaster.SubscriberCount);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
    }

    private static Article Unique(string source = "Test Wire") => TestArticles.UniqueProto(source);
}
