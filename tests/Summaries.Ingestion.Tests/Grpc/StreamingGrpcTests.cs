using Summaries.Testing;
using Grpc.Core;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Ingestion.Tests.Infrastructure;

namespace Summaries.Ingestion.Tests.Grpc;

/// <summary>BatchCreateArticles and StreamCreateArticles through a real GrpcChannel (SQLite; the store suites cover PostgreSQL).</summary>
public sealed class StreamingGrpcTests(IngestionFactory factory) : IClassFixture<IngestionFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly IngestionService.IngestionServiceClient _client = factory.CreateGrpcClient();

    [Fact]
    public async Task BatchCreateArticles_TenThousandWithOnePercentBad_GoodStoredBadReportedByIndex()
    {
        var source = "Bulk " + Guid.NewGuid().ToString("N");
        var bad = Enumerable.Range(0, 10_000).Where(i => i % 100 == 42).ToHashSet();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var call = _client.BatchCreateArticles(cancellationToken: cts.Token);
        for (var i = 0; i < 10_000; i++)
        {
            var article = TestArticles.UniqueProto(source);
            if (bad.Contains(i))
            {
                article.Url = "ftp://example.com/" + i;
            }

            await call.RequestStream.WriteAsync(new BatchCreateArticlesRequest { Article = article, RequestId = $"{source}-{i}" }, cts.Token);
        }

        await call.RequestStream.CompleteAsync();
        var response = await call.ResponseAsync;

        Assert.Equal(9_900, response.CreatedCount);
        Assert.Equal(100, response.FailedCount);
        Assert.Equal(Enumerable.Range(0, 10_000), response.Results.Select(r => r.Index));
        var failed = response.Results.Where(r => r.Status is not null).ToList();
        Assert.Equal(bad.Order(), failed.Select(r => r.Index));
        Assert.All(failed, r => ItemStatuses.AssertInvalid(r.Status, "article.url"));
        Assert.Equal(9_900, await CountAsync($"source = \"{source}\""));
    }

    [Fact]
    public async Task BatchCreateArticles_ItemsStoredBeforeTheStreamEnds()
    {
        var article = TestArticles.UniqueProto();
        using var cts = new CancellationTokenSource(Patience);
        using var call = _client.BatchCreateArticles(cancellationToken: cts.Token);
        await call.RequestStream.WriteAsync(new BatchCreateArticlesRequest { Article = article }, cts.Token);

        // The stream is still open: the item must already be committed and visible.
        while (await CountAsync($"source = \"{article.Source}\"") == 0 || !await ExistsAsync(article.Title))
        {
            await Task.Delay(20, cts.Token);
        }

        await call.RequestStream.CompleteAsync();
        Assert.Equal(1, (await call.ResponseAsync).CreatedCount);
    }

    [Fact]
    public async Task StreamCreateArticles_EachItemAcknowledgedBeforeTheNextIsSent()
    {
        var source = "Acks " + Guid.NewGuid().ToString("N");
        using var cts = new CancellationTokenSource(Patience);
        using var call = _client.StreamCreateArticles(cancellationToken: cts.Token);
        var first = TestArticles.UniqueProto(source);
        var items = new[]
        {
            (first, "ack-1"),
            (new Article(first) { Title = "Same text, other title" }, "ack-2"),
            (new Article(TestArticles.UniqueProto(source)) { Title = "" }, "ack-3"),
            (first, "ack-1"),
        };

        var acks = new List<StreamCreateArticlesResponse>();
        foreach (var (article, requestId) in items)
        {
            await call.RequestStream.WriteAsync(new StreamCreateArticlesRequest { Article = article, RequestId = requestId }, cts.Token);
            Assert.True(await call.ResponseStream.MoveNext(cts.Token));
            acks.Add(call.ResponseStream.Current);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(cts.Token));
        Assert.Equal([0, 1, 2, 3], acks.Select(a => a.Index));
        Assert.Equal(["ack-1", "ack-2", "ack-3", "ack-1"], acks.Select(a => a.RequestId));
        Assert.False(acks[0].Existing);
        Assert.True(acks[1].Existing);
        Assert.Equal(acks[0].ArticleName, acks[1].ArticleName);
        ItemStatuses.AssertInvalid(acks[2].Status, "article.title");
#pragma warning disable CS0612 // the deprecated ItemError is still filled for one release
        Assert.Equal("INVALID_ARGUMENT", acks[2].Error.Code);
#pragma warning restore CS0612
        Assert.Empty(acks[2].ArticleName);
        Assert.True(acks[3].Existing);
        Assert.Equal(1, await CountAsync($"source = \"{source}\""));
    }

    [Fact]
    public async Task StreamCreateArticles_EditedCopyOfTheExample_AcknowledgedAsNearDuplicate()
    {
        var source = "Near " + Guid.NewGuid().ToString("N");
        using var call = _client.StreamCreateArticles();
        await call.RequestStream.WriteAsync(new StreamCreateArticlesRequest { Article = new Article { Title = "Blinken meets Xi", Body = SeedTexts.Blinken + "\n\n" + source, Source = source } });
        await call.RequestStream.WriteAsync(new StreamCreateArticlesRequest { Article = new Article { Title = "Xi and Blinken", Body = SeedTexts.EditedBlinken, Source = source } });
        await call.RequestStream.CompleteAsync();
        var acks = await call.ResponseStream.ReadAllAsync().ToListAsync();

        Assert.Equal(2, acks.Count);
        Assert.Empty(acks[0].DuplicateOf);
        Assert.Equal(acks[0].ArticleName, acks[1].DuplicateOf);
    }

    [Fact]
    public async Task StreamCreateArticles_ClientCancelsMidStream_AcknowledgedItemsKeptServiceGoesOn()
    {
        var source = "Cancel " + Guid.NewGuid().ToString("N");
        using var cts = new CancellationTokenSource();
        using (var call = _client.StreamCreateArticles(cancellationToken: cts.Token))
        {
            for (var i = 0; i < 3; i++)
            {
                await call.RequestStream.WriteAsync(new StreamCreateArticlesRequest { Article = TestArticles.UniqueProto(source) }, CancellationToken.None);
                Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            }

            await cts.CancelAsync();
            await Assert.ThrowsAnyAsync<Exception>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        }

        Assert.Equal(3, await CountAsync($"source = \"{source}\""));
        var after = await _client.CreateArticleAsync(new CreateArticleRequest { Article = TestArticles.UniqueProto(source) });
        Assert.NotEmpty(after.Article.Name);
    }

    private async Task<int> CountAsync(string filter)
    {
        var count = 0;
        var token = string.Empty;
        do
        {
            var page = await _client.ListArticlesAsync(new ListArticlesRequest { PageSize = 1000, PageToken = token, Filter = filter });
            count += page.Articles.Count;
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return count;
    }

    private async Task<bool> ExistsAsync(string title) =>
        (await _client.ListArticlesAsync(new ListArticlesRequest { PageSize = 1000 })).Articles.Any(a => a.Title == title);
}
