using Grpc.Core;
using Summaries.Contracts.Entity.V1;
using Summaries.Entity.Registry;

namespace Summaries.Entity.Grpc;

/// <summary>Thin adapter: protos in, domain calls, protos out.</summary>
public sealed class EntityGrpcService(EntityAnnotationService service) : EntityService.EntityServiceBase
{
    public override Task<AnnotateTextResponse> AnnotateText(AnnotateTextRequest request, ServerCallContext context) =>
        Task.FromResult(new AnnotateTextResponse { Annotation = AnnotationMapper.ToProto(service.AnnotateText(request.Text, context.CancellationToken)) });

    public override async Task<AnnotateArticleResponse> AnnotateArticle(AnnotateArticleRequest request, ServerCallContext context) =>
        new() { Annotation = AnnotationMapper.ToProto(await service.AnnotateArticleAsync(request.ArticleName, request.Title, request.Text, context.CancellationToken)) };

    public override async Task<BatchAnnotateArticlesResponse> BatchAnnotateArticles(BatchAnnotateArticlesRequest request, ServerCallContext context)
    {
        var outcomes = await service.AnnotateArticlesAsync(
            request.Requests.Select(r => new ArticleText(r.ArticleName, r.Title, r.Text)).ToList(), context.CancellationToken);
        var response = new BatchAnnotateArticlesResponse();
        response.Results.AddRange(request.Requests.Zip(outcomes, BatchAnnotationResults.From));
        return response;
    }

    public override async Task<GetArticleAnnotationResponse> GetArticleAnnotation(GetArticleAnnotationRequest request, ServerCallContext context) =>
        new() { Annotation = AnnotationMapper.ToProto(await service.GetArticleAnnotationAsync(request.ArticleName, context.CancellationToken)) };

    public override async Task<GetEntityResponse> GetEntity(GetEntityRequest request, ServerCallContext context) =>
        new() { Entity = AnnotationMapper.ToProto(await service.GetEntityAsync(request.Name, context.CancellationToken)) };

    public override async Task<ListEntitiesResponse> ListEntities(ListEntitiesRequest request, ServerCallContext context)
    {
        var (items, next) = await service.ListEntitiesAsync(request.PageSize, request.PageToken, request.Filter, context.CancellationToken);
        var response = new ListEntitiesResponse { NextPageToken = next };
        response.Entities.AddRange(items.Select(AnnotationMapper.ToProto));
        return response;
    }
}
