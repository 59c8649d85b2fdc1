using System.Net;
using Grpc.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Summaries.Contracts.Entity.V1;
using Summaries.Contracts.Ingestion.V1;

namespace Summaries.Ingestion.Benchmarks;

/// <summary>
/// The physical limit: a gRPC server on the same kind of Kestrel h2c endpoint (same 16 MB receive
/// limit) that receives the same messages and acknowledges each at once, storing nothing. It also
/// answers AnnotateArticle and BatchAnnotateArticles with empty annotations, so the ingestion service's annotation calls
/// succeed cheaply during its run instead of failing (the echo side is idle then).
/// </summary>
public static class EchoServer
{
    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = 16 * 1024 * 1024);
        var app = builder.Build();
        app.MapGrpcService<EchoIngestion>();
        app.MapGrpcService<NoOpEntity>();
        await app.RunAsync();
        return 0;
    }

    private sealed class EchoIngestion : IngestionService.IngestionServiceBase
    {
        public override async Task StreamCreateArticles(
            IAsyncStreamReader<StreamCreateArticlesRequest> requestStream,
            IServerStreamWriter<StreamCreateArticlesResponse> responseStream,
            ServerCallContext context)
        {
            var index = 0;
            await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
            {
                await responseStream.WriteAsync(
                    new StreamCreateArticlesResponse { Index = index++, RequestId = request.RequestId, ArticleName = "articles/echo" },
                    context.CancellationToken);
            }
        }

        public override Task<CreateArticleResponse> CreateArticle(CreateArticleRequest request, ServerCallContext context) =>
            Task.FromResult(new CreateArticleResponse { Article = new Article { Name = "articles/echo", Title = request.Article.Title } });
    }

    private sealed class NoOpEntity : EntityService.EntityServiceBase
    {
        public override Task<AnnotateArticleResponse> AnnotateArticle(AnnotateArticleRequest request, ServerCallContext context) =>
            Task.FromResult(new AnnotateArticleResponse());

        public override Task<BatchAnnotateArticlesResponse> BatchAnnotateArticles(BatchAnnotateArticlesRequest request, ServerCallContext context)
        {
            var response = new BatchAnnotateArticlesResponse();
            response.Results.AddRange(request.Requests.Select(r => new BatchAnnotateArticlesResult { ArticleName = r.ArticleName }));
            return Task.FromResult(response);
        }
    }
}
