using Grpc.Core;
using Summaries.Contracts.Entity.V1;
using Summaries.Contracts.Ingestion.V1;
using Summaries.ServiceDefaults.Errors;

namespace Summaries.Summary.Sources;

/// <summary>
/// Fetches articles from the ingestion service and their annotations from the entity service,
/// over gRPC: the summary service never reads another service's database. Deadlines and trace
/// context flow from the incoming call through the clients' call-context propagation.
/// </summary>
public sealed class SourceGatherer(
    IngestionService.IngestionServiceClient ingestion,
    EntityService.EntityServiceClient entities)
{
    public async Task<IReadOnlyList<SourceDocument>> GatherAsync(IReadOnlyList<string> articleNames, CancellationToken cancellationToken)
    {
        var tasks = articleNames.Select(name => GatherOneAsync(name, cancellationToken)).ToList();
        return await Task.WhenAll(tasks);
    }

    /// <summary>
    /// The most recent articles (at most <paramref name="limit"/>) that mention an entity, within a
    /// time window on the publish time (or the store time when an article has none).
    /// </summary>
    public async Task<IReadOnlyList<SourceDocument>> GatherMentioningAsync(
        string entityName, DateTimeOffset? from, DateTimeOffset? until, int limit, CancellationToken cancellationToken)
    {
        var entity = await CallAsync("entity", entityName,
            () => entities.GetEntityAsync(new GetEntityRequest { Name = entityName }, cancellationToken: cancellationToken).ResponseAsync);
        var articles = await Task.WhenAll(entity.Entity.ArticleNames.Select(name => TryGetArticleAsync(name, cancellationToken)));
        var chosen = articles.OfType<Article>()
            .Select(a => (Article: a, When: (a.PublishTime ?? a.CreateTime)?.ToDateTimeOffset()))
            .Where(x => (from is null || x.When >= from) && (until is null || x.When < until))
            .OrderByDescending(x => x.When)
            .Take(limit)
            .OrderBy(x => x.When)
            .Select(x => x.Article)
            .ToList();
        // The articles are already fetched: only their annotations are still needed.
        return await Task.WhenAll(chosen.Select(a => ToSourceAsync(a, cancellationToken)));
    }

    private async Task<Article?> TryGetArticleAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return (await ingestion.GetArticleAsync(new GetArticleRequest { Name = name }, cancellationToken: cancellationToken)).Article;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            // Deleted since it was annotated.
            return null;
        }
    }

    private async Task<SourceDocument> GatherOneAsync(string name, CancellationToken cancellationToken)
    {
        var article = await CallAsync("ingestion", name,
            () => ingestion.GetArticleAsync(new GetArticleRequest { Name = name }, cancellationToken: cancellationToken).ResponseAsync);
        return await ToSourceAsync(article.Article, cancellationToken);
    }

    private async Task<SourceDocument> ToSourceAsync(Article a, CancellationToken cancellationToken)
    {
        var annotation = await GetAnnotationAsync(a, cancellationToken);
        return new SourceDocument(
            a.Name, a.Title, a.Body, a.Source, a.PublishTime?.ToDateTimeOffset(), a.ContentHash, annotation);
    }

    /// <summary>The article's stored annotation; an article not annotated yet is annotated now.</summary>
    public async Task<Annotation> GetAnnotationAsync(Article article, CancellationToken cancellationToken)
    {
        try
        {
            var stored = await entities.GetArticleAnnotationAsync(
                new GetArticleAnnotationRequest { ArticleName = article.Name }, cancellationToken: cancellationToken);
            return stored.Annotation;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            // Not annotated yet (the entity service was down when it was ingested): annotate now.
            var fresh = await CallAsync("entity", article.Name, () => entities.AnnotateArticleAsync(
                new AnnotateArticleRequest { ArticleName = article.Name, Title = article.Title, Text = article.Body },
                cancellationToken: cancellationToken).ResponseAsync);
            return fresh.Annotation;
        }
        catch (RpcException ex) when (IsTransient(ex.StatusCode))
        {
            throw new DependencyUnavailableException("entity", $"The entity service is unavailable: {ex.Status.Detail}", ex);
        }
    }

    private static async Task<T> CallAsync<T>(string dependency, string resource, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            throw new ResourceNotFoundException(resource);
        }
        catch (RpcException ex) when (IsTransient(ex.StatusCode))
        {
            throw new DependencyUnavailableException(dependency, $"The {dependency} service is unavailable: {ex.Status.Detail}", ex);
        }
    }

    private static bool IsTransient(StatusCode code) =>
        code is StatusCode.Unavailable or StatusCode.ResourceExhausted or StatusCode.Aborted or StatusCode.Internal or StatusCode.Unknown;
}
