using System.Net;
using Grpc.Core;
using Grpc.Net.ClientFactory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using Summaries.Contracts.Entity.V1;
using Summaries.Ingestion.Annotation;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Clients;
using Summaries.Ingestion.Options;
using Summaries.Ingestion.Tests.Infrastructure;

namespace Summaries.Ingestion.Tests.Clients;

/// <summary>
/// The annotator against entity services on loopback: one with the batch call, one from before it
/// (UNIMPLEMENTED), and one that answers a batch with the wrong number of results.
/// </summary>
public sealed class EntityServiceAnnotatorTests
{
    private static readonly Article[] Articles = [Article("a1", "Ana Ruiz spoke."), Article("a2", "bad"), Article("a3", "Ben Ode replied.")];

    [Fact]
    public async Task AnnotateManyAsync_BatchCall_OneCallPerItemOutcomes()
    {
        var entity = new CurrentEntityService();
        await using var server = await StubServer.StartAsync(entity);

        var failures = await Annotator(server.Address).AnnotateManyAsync(Articles, CancellationToken.None);

        Assert.Equal(1, entity.BatchCalls);
        Assert.Equal(0, entity.SingleCalls);
        Assert.Null(failures[0]);
        Assert.True(failures[1]!.Permanent);
        Assert.Equal("entity service: INVALID_ARGUMENT: text: too short", failures[1]!.Message);
        Assert.Null(failures[2]);
    }

    [Fact]
    public async Task AnnotateManyAsync_EntityServiceWithoutBatchCall_SingleCallsThenNoMoreBatchAttempts()
    {
        var entity = new OlderEntityService();
        await using var server = await StubServer.StartAsync(entity);
        var annotator = Annotator(server.Address);

        var first = await annotator.AnnotateManyAsync(Articles, CancellationToken.None);
        var second = await annotator.AnnotateManyAsync(Articles, CancellationToken.None);

        Assert.Equal(1, entity.BatchCalls);
        Assert.Equal(6, entity.SingleCalls);
        foreach (var failures in new[] { first, second })
        {
            Assert.Null(failures[0]);
            Assert.True(failures[1]!.Permanent);
            Assert.Null(failures[2]);
        }
    }

    [Fact]
    public async Task AnnotateManyAsync_WrongNumberOfResults_WholeCallFailsTransiently()
    {
        await using var server = await StubServer.StartAsync(new ShortAnsweringEntityService());

        var ex = await Assert.ThrowsAsync<AnnotationFailedException>(() => Annotator(server.Address).AnnotateManyAsync(Articles, CancellationToken.None));

        Assert.False(ex.Failure.Permanent);
        Assert.Equal("entity service: answered 1 results for 3 articles", ex.Failure.Message);
    }

    private static EntityServiceAnnotator Annotator(string address)
    {
        var services = new ServiceCollection();
        services.AddGrpcClient<EntityService.EntityServiceClient>(nameof(EntityService.EntityServiceClient), o => o.Address = new Uri(address));
        var provider = services.BuildServiceProvider();
        return new EntityServiceAnnotator(
            provider.GetRequiredService<GrpcClientFactory>(), Microsoft.Extensions.Options.Options.Create(new AnnotationOptions()), TimeProvider.System,
            NullLogger<EntityServiceAnnotator>.Instance);
    }

    private static Article Article(string id, string body) =>
        Summaries.Ingestion.Storage.ArticleColumns.Inserted(TestRecords.For(new ArticleInput("Title", body), DateTimeOffset.UtcNow, id: id), 1, null);

    private static RpcException Invalid() => new(new Status(StatusCode.InvalidArgument, "text: too short"));

    /// <summary>Answers both calls; "bad" is refused.</summary>
    private sealed class CurrentEntityService : EntityService.EntityServiceBase
    {
        public int BatchCalls;
        public int SingleCalls;

        public override Task<BatchAnnotateArticlesResponse> BatchAnnotateArticles(BatchAnnotateArticlesRequest request, ServerCallContext context)
        {
            Interlocked.Increment(ref BatchCalls);
            var response = new BatchAnnotateArticlesResponse();
            response.Results.AddRange(request.Requests.Select(r => new BatchAnnotateArticlesResult
            {
                ArticleName = r.ArticleName,
                Status = r.Text == "bad" ? new Google.Rpc.Status { Code = (int)Google.Rpc.Code.InvalidArgument, Message = "text: too short" } : null,
            }));
            return Task.FromResult(response);
        }

        public override Task<AnnotateArticleResponse> AnnotateArticle(AnnotateArticleRequest request, ServerCallContext context)
        {
            Interlocked.Increment(ref SingleCalls);
            return request.Text == "bad" ? throw Invalid() : Task.FromResult(new AnnotateArticleResponse());
        }
    }

    /// <summary>A version from before BatchAnnotateArticles: the call is UNIMPLEMENTED.</summary>
    private sealed class OlderEntityService : EntityService.EntityServiceBase
    {
        public int BatchCalls;
        public int SingleCalls;

        public override Task<BatchAnnotateArticlesResponse> BatchAnnotateArticles(BatchAnnotateArticlesRequest request, ServerCallContext context)
        {
            Interlocked.Increment(ref BatchCalls);
            return base.BatchAnnotateArticles(request, context);
        }

        public override Task<AnnotateArticleResponse> AnnotateArticle(AnnotateArticleRequest request, ServerCallContext context)
        {
            Interlocked.Increment(ref SingleCalls);
            return request.Text == "bad" ? throw Invalid() : Task.FromResult(new AnnotateArticleResponse());
        }
    }

    private sealed class ShortAnsweringEntityService : EntityService.EntityServiceBase
    {
        public override Task<BatchAnnotateArticlesResponse> BatchAnnotateArticles(BatchAnnotateArticlesRequest request, ServerCallContext context) =>
            Task.FromResult(new BatchAnnotateArticlesResponse { Results = { new BatchAnnotateArticlesResult { ArticleName = request.Requests[0].ArticleName } } });
    }

    /// <summary>One entity service implementation on a loopback h2c port.</summary>
    private sealed class StubServer(WebApplication app, string address) : IAsyncDisposable
    {
        public string Address { get; } = address;

        public static async Task<StubServer> StartAsync<T>(T service)
            where T : EntityService.EntityServiceBase
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
            builder.Services.AddGrpc();
            builder.Services.AddSingleton(service);
            var app = builder.Build();
            app.MapGrpcService<T>();
            await app.StartAsync();
            return new StubServer(app, app.Urls.Single().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }
}
