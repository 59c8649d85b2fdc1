using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Ingestion.Tests.Infrastructure;

namespace Summaries.Ingestion.Tests.Grpc;

/// <summary>Oversized messages and over-long batches: RESOURCE_EXHAUSTED, and the service stays healthy.</summary>
public sealed class LimitsGrpcTests(LimitedBatchFactory factory) : IClassFixture<LimitedBatchFactory>
{
    private readonly IngestionService.IngestionServiceClient _client = factory.CreateGrpcClient();

    [Fact]
    public async Task CreateArticle_SeventeenMegabyteMessage_ResourceExhaustedAndStillHealthy()
    {
        var article = TestArticles.UniqueProto();
        article.Body = new string('x', 17 * 1024 * 1024);
        var ex = await Assert.ThrowsAsync<RpcException>(() => _client.CreateArticleAsync(new CreateArticleRequest { Article = article }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        await AssertHealthyAsync();
    }

    [Fact]
    public async Task BatchCreateArticles_SeventeenMegabyteItem_ResourceExhaustedAndStillHealthy()
    {
        using var call = _client.BatchCreateArticles();
        var article = TestArticles.UniqueProto();
        article.Body = new string('x', 17 * 1024 * 1024);
        try
        {
            await call.RequestStream.WriteAsync(new BatchCreateArticlesRequest { Article = article });
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The server may have failed the call before the write finished.
        }

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        await AssertHealthyAsync();
    }

    [Fact]
    public async Task CreateArticle_BodyOverTheLimitButUnderTheMessageSize_InvalidArgumentOnBody()
    {
        var article = TestArticles.UniqueProto();
        article.Body = new string('x', 1_000_001);
        var ex = await Assert.ThrowsAsync<RpcException>(() => _client.CreateArticleAsync(new CreateArticleRequest { Article = article }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("article.body", Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
    }

    [Fact]
    public async Task BatchCreateArticles_OneItemOverTheLimit_ResourceExhaustedAndEarlierItemsStored()
    {
        var source = "Limit " + Guid.NewGuid().ToString("N");
        using var call = _client.BatchCreateArticles();
        try
        {
            for (var i = 0; i <= LimitedBatchFactory.MaxBatchItems; i++)
            {
                await call.RequestStream.WriteAsync(new BatchCreateArticlesRequest { Article = TestArticles.UniqueProto(source), RequestId = $"{source}-{i}" });
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The server may have ended the call before the last write.
        }

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        var info = ex.GetRpcStatus()!.GetDetail<ErrorInfo>()!;
        Assert.Equal("BATCH_TOO_LARGE", info.Reason);
        Assert.Equal("5", info.Metadata["max_items"]);
        var listed = await _client.ListArticlesAsync(new ListArticlesRequest { Filter = $"source = \"{source}\"" });
        Assert.Equal(LimitedBatchFactory.MaxBatchItems, listed.Articles.Count);
    }

    [Fact]
    public async Task BatchCreateArticles_ClientNeverCompletes_DeadlineExceededStreamIdleAndItemsStored()
    {
        var source = "Idle batch " + Guid.NewGuid().ToString("N");
        using var call = _client.BatchCreateArticles();
        for (var i = 0; i < 2; i++)
        {
            await call.RequestStream.WriteAsync(new BatchCreateArticlesRequest { Article = TestArticles.UniqueProto(source), RequestId = $"{source}-{i}" });
        }

        // No CompleteAsync and no deadline: only the server's idle limit can end this call.
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(TimeSpan.FromSeconds(30)));

        AssertStreamIdle(ex);
        var listed = await _client.ListArticlesAsync(new ListArticlesRequest { Filter = $"source = \"{source}\"" });
        Assert.Equal(2, listed.Articles.Count);
        await AssertHealthyAsync();
    }

    [Fact]
    public async Task StreamCreateArticles_ClientGoesSilentAfterAnAck_DeadlineExceededStreamIdle()
    {
        using var call = _client.StreamCreateArticles();
        await call.RequestStream.WriteAsync(new StreamCreateArticlesRequest { Article = TestArticles.UniqueProto() });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var acknowledged = call.ResponseStream.Current.ArticleName;

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));

        AssertStreamIdle(ex);
        Assert.Equal(acknowledged, (await _client.GetArticleAsync(new GetArticleRequest { Name = acknowledged })).Article.Name);
    }

    private static void AssertStreamIdle(RpcException ex)
    {
        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        var info = ex.GetRpcStatus()!.GetDetail<ErrorInfo>()!;
        Assert.Equal("STREAM_IDLE", info.Reason);
        Assert.Equal("1s", info.Metadata["idle_timeout"]);
    }

    private async Task AssertHealthyAsync()
    {
        var health = new Health.HealthClient(factory.CreateChannel());
        var reply = await health.CheckAsync(new HealthCheckRequest { Service = "summaries.ingestion.v1.IngestionService" });
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
        var created = await _client.CreateArticleAsync(new CreateArticleRequest { Article = TestArticles.UniqueProto() });
        Assert.NotEmpty(created.Article.Name);
    }
}
