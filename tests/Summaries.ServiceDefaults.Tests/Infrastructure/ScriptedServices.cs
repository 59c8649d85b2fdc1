using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Summaries.Contracts.Entity.V1;
using Summaries.Contracts.Ingestion.V1;

namespace Summaries.ServiceDefaults.Tests.Infrastructure;

/// <summary>
/// Real gRPC services of the Summaries protos whose methods run whatever a test gives them (a store
/// query, say) and otherwise answer empty: what the defaults' interceptors and middleware see
/// when a real service runs.
/// </summary>
public sealed class ScriptedServices
{
    /// <summary>Run by every unary method, and by WatchArticles after its first message.</summary>
    public Func<CancellationToken, Task> Work { get; set; } = _ => Task.CompletedTask;

    public static void Add(WebApplicationBuilder builder, ScriptedServices script)
    {
        builder.Services.AddSingleton(script);
        builder.Services.AddSingleton<ScriptedIngestion>();
        builder.Services.AddSingleton<ScriptedEntity>();
    }

    public static void Map(WebApplication app)
    {
        app.MapGrpcService<ScriptedIngestion>();
        app.MapGrpcService<ScriptedEntity>();
    }

    public sealed class ScriptedIngestion(ScriptedServices script) : IngestionService.IngestionServiceBase
    {
        public override async Task<GetArticleResponse> GetArticle(GetArticleRequest request, ServerCallContext context)
        {
            await script.Work(context.CancellationToken);
            return new GetArticleResponse { Article = new Article { Name = request.Name } };
        }

        public override async Task<BatchGetArticlesResponse> BatchGetArticles(BatchGetArticlesRequest request, ServerCallContext context)
        {
            await script.Work(context.CancellationToken);
            return new BatchGetArticlesResponse { MissingNames = { request.Names } };
        }

        public override async Task<DeleteArticleResponse> DeleteArticle(DeleteArticleRequest request, ServerCallContext context)
        {
            await script.Work(context.CancellationToken);
            return new DeleteArticleResponse();
        }

        public override async Task WatchArticles(WatchArticlesRequest request, IServerStreamWriter<WatchArticlesResponse> responseStream, ServerCallContext context)
        {
            await responseStream.WriteAsync(new WatchArticlesResponse(), context.CancellationToken);
            await script.Work(context.CancellationToken);
        }
    }

    public sealed class ScriptedEntity(ScriptedServices script) : EntityService.EntityServiceBase
    {
        public override async Task<GetEntityResponse> GetEntity(GetEntityRequest request, ServerCallContext context)
        {
            await script.Work(context.CancellationToken);
            return new GetEntityResponse();
        }

        public override async Task<AnnotateArticleResponse> AnnotateArticle(AnnotateArticleRequest request, ServerCallContext context)
        {
            await script.Work(context.CancellationToken);
            return new AnnotateArticleResponse();
        }
    }
}
