using System.Globalization;
using System.Net;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Summaries.Contracts.Entity.V1;
using Summaries.Contracts.Ingestion.V1;

namespace Summaries.Summary.Tests.Grpc.Infrastructure;

/// <summary>
/// Stands in for the ingestion and entity processes at their gRPC edge: a real HTTP/2 server on a
/// loopback port serving stored articles (ListArticles newest first, with page tokens; GetArticle)
/// and their annotations (GetArticleAnnotation). Articles can be added while it runs.
/// BatchGetArticles honours the basic view and reports missing names; GetEntity answers from the
/// annotations' entity names. Every call is counted by method, with the most in flight at once.
/// </summary>
internal sealed class ArticleArchiveServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ArticleArchiveServer(WebApplication app, Archive archive)
    {
        _app = app;
        Contents = archive;
    }

    public Archive Contents { get; }

    public string Address => _app.Urls.First();

    public static async Task<ArticleArchiveServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        var archive = new Archive();
        builder.Services.AddSingleton(archive);
        builder.Services.AddSingleton<CallCounter>();
        builder.Services.AddGrpc(o => o.Interceptors.Add<CallCounter>());
        var app = builder.Build();
        app.MapGrpcService<IngestionStandIn>();
        app.MapGrpcService<EntityStandIn>();
        await app.StartAsync();
        return new ArticleArchiveServer(app, archive) { Calls = app.Services.GetRequiredService<CallCounter>() };
    }

    /// <summary>The calls this server has received.</summary>
    public CallCounter Calls { get; private init; } = null!;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>The stored articles, in store order, and their annotations.</summary>
    internal sealed class Archive
    {
        private readonly Lock _gate = new();
        private readonly List<(Article Article, Annotation Annotation)> _items = [];

        public void Add(Article article, Annotation annotation)
        {
            lock (_gate)
            {
                _items.Add((article, annotation));
            }
        }

        public List<(Article Article, Annotation Annotation)> Snapshot()
        {
            lock (_gate)
            {
                return [.. _items];
            }
        }
    }

    private sealed class IngestionStandIn(Archive archive) : IngestionService.IngestionServiceBase
    {
        public override Task<ListArticlesResponse> ListArticles(ListArticlesRequest request, ServerCallContext context)
        {
            var newestFirst = archive.Snapshot().Select(i => i.Article).Reverse().ToList();
            var offset = request.PageToken.Length == 0 ? 0 : int.Parse(request.PageToken, CultureInfo.InvariantCulture);
            var size = request.PageSize == 0 ? 50 : request.PageSize;
            var response = new ListArticlesResponse();
            response.Articles.AddRange(newestFirst.Skip(offset).Take(size));
            response.NextPageToken = offset + size < newestFirst.Count ? (offset + size).ToString(CultureInfo.InvariantCulture) : string.Empty;
            return Task.FromResult(response);
        }

        public override Task<BatchGetArticlesResponse> BatchGetArticles(BatchGetArticlesRequest request, ServerCallContext context)
        {
            var stored = archive.Snapshot().ToDictionary(i => i.Article.Name, i => i.Article);
            var response = new BatchGetArticlesResponse();
            foreach (var name in request.Names)
            {
                if (!stored.TryGetValue(name, out var article))
                {
                    response.MissingNames.Add(name);
                    continue;
                }

                var copy = article.Clone();
                if (request.View == ArticleView.Basic)
                {
                    copy.Body = string.Empty;
                    copy.CleanedBody = string.Empty;
                    copy.CleanedSegments.Clear();
                }

                response.Articles.Add(copy);
            }

            return Task.FromResult(response);
        }

        public override Task<GetArticleResponse> GetArticle(GetArticleRequest request, ServerCallContext context) =>
            archive.Snapshot().FirstOrDefault(i => i.Article.Name == request.Name).Article is { } article
                ? Task.FromResult(new GetArticleResponse { Article = article })
                : throw new RpcException(new Status(StatusCode.NotFound, request.Name));
    }

    private sealed class EntityStandIn(Archive archive) : EntityService.EntityServiceBase
    {
        public override Task<GetEntityResponse> GetEntity(GetEntityRequest request, ServerCallContext context)
        {
            var articles = archive.Snapshot()
                .Where(i => i.Annotation.Entities.Any(e => e.EntityName == request.Name))
                .Select(i => i.Article.Name)
                .ToList();
            if (articles.Count == 0)
            {
                throw new RpcException(new Status(StatusCode.NotFound, request.Name));
            }

            var entity = new Entity { Name = request.Name, DisplayName = request.Name, ArticleCount = articles.Count };
            entity.ArticleNames.AddRange(articles);
            return Task.FromResult(new GetEntityResponse { Entity = entity });
        }

        public override Task<GetArticleAnnotationResponse> GetArticleAnnotation(GetArticleAnnotationRequest request, ServerCallContext context) =>
            archive.Snapshot().FirstOrDefault(i => i.Article.Name == request.ArticleName).Annotation is { } annotation
                ? Task.FromResult(new GetArticleAnnotationResponse { Annotation = annotation })
                : throw new RpcException(new Status(StatusCode.NotFound, request.ArticleName));
    }
}
