using Google.Rpc;
using Grpc.Core;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Ingestion.Tests.Infrastructure;

namespace Summaries.Ingestion.Tests.Grpc;

/// <summary>ListArticles' view and BatchGetArticles through a real GrpcChannel.</summary>
public sealed class ArticleViewGrpcTests(IngestionFactory factory) : IClassFixture<IngestionFactory>
{
    private readonly IngestionService.IngestionServiceClient _client = factory.CreateGrpcClient();

    [Fact]
    public async Task ListArticles_BasicView_NoBodiesOtherFieldsAsTheFullView()
    {
        var source = "View " + Guid.NewGuid().ToString("N");
        for (var i = 0; i < 3; i++)
        {
            await _client.CreateArticleAsync(new CreateArticleRequest { Article = TestArticles.UniqueProto(source) });
        }

        var filter = $"source = \"{source}\"";
        var full = await _client.ListArticlesAsync(new ListArticlesRequest { Filter = filter, View = ArticleView.Full });
        var unspecified = await _client.ListArticlesAsync(new ListArticlesRequest { Filter = filter });
        var basic = await _client.ListArticlesAsync(new ListArticlesRequest { Filter = filter, View = ArticleView.Basic });

        Assert.Equal(full.Articles, unspecified.Articles);
        Assert.Equal(3, basic.Articles.Count);
        Assert.All(full.Articles, a => Assert.NotEmpty(a.Body));
        var stripped = full.Articles.Select(a =>
        {
            var copy = a.Clone();
            copy.Body = string.Empty;
            copy.CleanedBody = string.Empty;
            copy.CleanedSegments.Clear();
            return copy;
        });
        Assert.Equal(stripped, basic.Articles);
    }

    [Fact]
    public async Task BatchGetArticles_FoundAndMissing_InTheOrderAskedMissingListed()
    {
        var a = (await _client.CreateArticleAsync(new CreateArticleRequest { Article = TestArticles.UniqueProto() })).Article;
        var b = (await _client.CreateArticleAsync(new CreateArticleRequest { Article = TestArticles.UniqueProto() })).Article;

        var response = await _client.BatchGetArticlesAsync(new BatchGetArticlesRequest
        {
            Names = { b.Name, "articles/nosuch", a.Name }, View = ArticleView.Basic,
        });

        Assert.Equal([b.Name, a.Name], response.Articles.Select(x => x.Name));
        Assert.Equal(["articles/nosuch"], response.MissingNames);
        Assert.Empty(response.DeferredNames);
        Assert.All(response.Articles, x => Assert.Empty(x.Body));
    }

    [Theory]
    [InlineData(new string[0], "names")]
    [InlineData(new[] { "articles/abc", "articles/abc" }, "names[1]")]
    [InlineData(new[] { "stories/abc" }, "names[0]")]
    public async Task BatchGetArticles_BadNames_InvalidArgumentOnTheField(string[] names, string field)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => _client.BatchGetArticlesAsync(new BatchGetArticlesRequest { Names = { names } }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(field, Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
    }

    [Fact]
    public async Task BatchGetArticles_OverAThousandNames_InvalidArgumentOnNames()
    {
        var request = new BatchGetArticlesRequest();
        request.Names.AddRange(Enumerable.Range(0, 1_001).Select(i => $"articles/n{i}"));

        var ex = await Assert.ThrowsAsync<RpcException>(() => _client.BatchGetArticlesAsync(request).ResponseAsync);

        Assert.Equal("names", Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
    }
}
