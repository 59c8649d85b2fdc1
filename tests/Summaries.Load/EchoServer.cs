using System.Net;
using Grpc.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Summaries.Contracts.Entity.V1;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Contracts.Summary.V1;

namespace Summaries.Load;

/// <summary>
/// The physical limit on this machine: the same RPCs on the same kind of Kestrel h2c endpoint
/// (same 16 MB receive limit), answered at once with a minimal response, storing and computing nothing.
/// </summary>
public static class EchoServer
{
    public static async Task<int> RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = 16 * 1024 * 1024);
        builder.Services.AddGrpcHealthChecks();
        var app = builder.Build();
        app.MapGrpcService<EchoIngestion>();
        app.MapGrpcService<EchoEntity>();
        app.MapGrpcService<EchoSummary>();
        app.MapGrpcHealthChecksService();
        await app.RunAsync();
        return 0;
    }

    private sealed class EchoIngestion : IngestionService.IngestionServiceBase
    {
        public override Task<CreateArticleResponse> CreateArticle(CreateArticleRequest request, ServerCallContext context) =>
            Task.FromResult(new CreateArticleResponse { Article = new Article { Name = "articles/echo", Title = request.Article.Title } });
    }

    private sealed class EchoEntity : EntityService.EntityServiceBase
    {
        public override Task<AnnotateTextResponse> AnnotateText(AnnotateTextRequest request, ServerCallContext context) =>
            Task.FromResult(new AnnotateTextResponse { Annotation = new Annotation() });
    }

    private sealed class EchoSummary : SummaryService.SummaryServiceBase
    {
        public override Task<CreateBriefingResponse> CreateBriefing(CreateBriefingRequest request, ServerCallContext context) =>
            Task.FromResult(new CreateBriefingResponse { Briefing = new Briefing { Name = "briefings/echo" } });
    }
}
