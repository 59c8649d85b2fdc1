using Summaries.Testing;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Ingestion.Tests.Infrastructure;

namespace Summaries.Ingestion.Tests.Grpc;

/// <summary>The service in memory, called through a real GrpcChannel; the entity service is unreachable throughout.</summary>
public sealed class IngestionGrpcServiceTests : IClassFixture<IngestionFactory>
{
    private readonly IngestionService.IngestionServiceClient _client;

    public IngestionGrpcServiceTests(IngestionFactory factory) => _client = factory.CreateGrpcClient();

    [Fact]
    public async Task CreateArticle_EmptyBody_InvalidArgumentWithBodyViolation()
    {
        var article = Unique();
        article.Body = "  ";
        var ex = await Assert.ThrowsAsync<RpcException>(() => _client.CreateArticleAsync(new CreateArticleRequest { Article = article }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var badRequest = ex.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        var violation = Assert.Single(badRequest.FieldViolations);
        Assert.Equal("article.body", violation.Field);
        Assert.Equal("must not be empty", violation.Description);
        Assert.Equal("INVALID_ARGUMENT", ex.GetRpcStatus()!.GetDetail<ErrorInfo>()?.Reason);
    }

    [Fact]
    public async Task CreateArticle_SeveralBadFields_AllViolationsTogether()
    {
        var request = new CreateArticleRequest
        {
            Article = new Article { Title = "", Body = "", Url = "ftp://x", Language = "English", PublishTime = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(2)) },
            RequestId = new string('r', 129),
        };
        var ex = await Assert.ThrowsAsync<RpcException>(() => _client.CreateArticleAsync(request).ResponseAsync);

        var fields = ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal);
        Assert.Equal(["article.body", "article.language", "article.publish_time", "article.title", "article.url", "request_id"], fields);
    }

    [Fact]
    public async Task CreateArticle_OutOfRangeTimestamp_InvalidArgumentOnPublishTime()
    {
        var article = Unique();
        article.PublishTime = new Timestamp { Seconds = 1, Nanos = -5 };
        var ex = await Assert.ThrowsAsync<RpcException>(() => _client.CreateArticleAsync(new CreateArticleRequest { Article = article }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("article.publish_time", Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
    }

    [Fact]
    public async Task CreateArticle_EntityServiceUnreachable_AcceptedPendingWithError()
    {
        var response = await _client.CreateArticleAsync(new CreateArticleRequest { Article = Unique() });

        Assert.Equal(AnnotationState.Pending, response.Article.AnnotationState);
        Assert.NotEmpty(response.Article.AnnotationError);
        var stored = await _client.GetArticleAsync(new GetArticleRequest { Name = response.Article.Name });
        Assert.Equal(AnnotationState.Pending, stored.Article.AnnotationState);
        Assert.NotEmpty(stored.Article.AnnotationError);
    }

    [Fact]
    public async Task CreateGetListDelete_OneArticle_RoundTrips()
    {
        var article = Unique("Round Trip Wire");
        article.Body = "First paragraph.\r\n\r\nSecond paragraph.";
        article.PublishTime = Timestamp.FromDateTime(new DateTime(2024, 5, 1, 8, 30, 0, DateTimeKind.Utc));
        var created = (await _client.CreateArticleAsync(new CreateArticleRequest { Article = article, RequestId = Guid.NewGuid().ToString() })).Article;

        Assert.Matches("^articles/[a-z2-7]{12}$", created.Name);
        Assert.Equal(article.Body, created.Body);
        Assert.Equal("First paragraph.\n\nSecond paragraph.", created.CleanedBody);
        Assert.Equal("duplicateGroups/" + created.Name["articles/".Length..], created.DuplicateGroup);
#pragma warning disable CS0612 // the deprecated field must still be filled for one release
        Assert.Equal("stories/" + created.Name["articles/".Length..], created.Story);
#pragma warning restore CS0612
        Assert.Empty(created.DuplicateOf);
        Assert.Equal(64, created.ContentHash.Length);
        Assert.NotNull(created.CreateTime);
        Assert.Equal(article.PublishTime, created.PublishTime);

        var got = (await _client.GetArticleAsync(new GetArticleRequest { Name = created.Name })).Article;
        Assert.Equal(created.Name, got.Name);
        Assert.Equal(created.Body, got.Body);

        var listed = await _client.ListArticlesAsync(new ListArticlesRequest { Filter = "source = \"Round Trip Wire\"" });
        Assert.Equal(created.Name, Assert.Single(listed.Articles).Name);

        var deleted = await _client.DeleteArticleAsync(new DeleteArticleRequest { Name = created.Name });
        Assert.Equal(created.Name, deleted.Name);
        var ex = await Assert.ThrowsAsync<RpcException>(() => _client.GetArticleAsync(new GetArticleRequest { Name = created.Name }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    [Theory]
    [InlineData("get")]
    [InlineData("delete")]
    public async Task GetOrDelete_UnknownName_NotFound(string method)
    {
        var name = "articles/doesnotexist";
        var ex = await Assert.ThrowsAsync<RpcException>(() => method == "get"
            ? _client.GetArticleAsync(new GetArticleRequest { Name = name }).ResponseAsync
            : _client.DeleteArticleAsync(new DeleteArticleRequest { Name = name }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal(name, ex.GetRpcStatus()!.GetDetail<ResourceInfo>()?.ResourceName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("article/abc")]
    [InlineData("articles/a/b")]
    public async Task GetArticle_MalformedName_InvalidArgumentOnName(string name)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => _client.GetArticleAsync(new GetArticleRequest { Name = name }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("name", Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
    }

    [Fact]
    public async Task CreateArticle_TwentyConcurrentSameRequestId_OneArticle()
    {
        var requestId = Guid.NewGuid().ToString();
        var article = Unique("Concurrent " + requestId);
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            _client.CreateArticleAsync(new CreateArticleRequest { Article = article, RequestId = requestId }).ResponseAsync));

        Assert.Single(responses.Select(r => r.Article.Name).Distinct(StringComparer.Ordinal));
        var listed = await _client.ListArticlesAsync(new ListArticlesRequest { PageSize = 1000, Filter = $"source = \"{article.Source}\"" });
        Assert.Single(listed.Articles);
    }

    [Fact]
    public async Task BatchCreateArticles_HundredWithBadItems_GoodStoredBadReportedByIndex()
    {
        var source = "Batch " + Guid.NewGuid().ToString("N");
        using var call = _client.BatchCreateArticles();
        var bad = new HashSet<int> { 3, 17, 50, 99 };
        for (var i = 0; i < 100; i++)
        {
            var article = Unique(source);
            if (bad.Contains(i))
            {
                article.Title = string.Empty;
            }

            await call.RequestStream.WriteAsync(new BatchCreateArticlesRequest { Article = article, RequestId = $"{source}-{i}" });
        }

        await call.RequestStream.CompleteAsync();
        var response = await call.ResponseAsync;

        Assert.Equal(96, response.CreatedCount);
        Assert.Equal(4, response.FailedCount);
        Assert.Equal(Enumerable.Range(0, 100), response.Results.Select(r => r.Index));
        Assert.All(response.Results, r => Assert.Equal($"{source}-{r.Index}", r.RequestId));
        var failed = response.Results.Where(r => r.Status is not null).ToList();
        Assert.Equal(bad.Order(), failed.Select(r => r.Index));
        Assert.All(failed, r =>
        {
            ItemStatuses.AssertInvalid(r.Status, "article.title");
#pragma warning disable CS0612 // the deprecated ItemError is still filled for one release
            Assert.Equal("INVALID_ARGUMENT", r.Error.Code);
            Assert.Equal("article.title", Assert.Single(r.Error.FieldViolations).Field);
#pragma warning restore CS0612
            Assert.Empty(r.ArticleName);
        });
        var listed = await _client.ListArticlesAsync(new ListArticlesRequest { PageSize = 1000, Filter = $"source = \"{source}\"" });
        Assert.Equal(96, listed.Articles.Count);
    }

    private static Article Unique(string source = "Test Wire") => TestArticles.UniqueProto(source);
}
