using Grpc.Core;
using Microsoft.Extensions.Options;
using Summaries.Contracts.Entity.V1;
using Summaries.Contracts.Ingestion.V1;
using Summaries.ServiceDefaults.Errors;
using Summaries.Summary.Sources;

namespace Summaries.Summary.Clients;

/// <summary>
/// Fetches articles from the ingestion service and their annotations from the entity service,
/// over gRPC: the summary service never reads another service's database. Deadlines and trace
/// context flow from the incoming call through the clients' call-context propagation; each call
/// also has <see cref="ClientsOptions.CallTimeout"/>. A dependency that is down, crashes mid-call
/// or does not answer in time becomes <see cref="DependencyUnavailableException"/> (UNAVAILABLE
/// with RetryInfo): a briefing is never written without its articles' annotations, since the
/// speakers and positions come from them.
/// </summary>
public sealed class SourceGatherer(
    IngestionService.IngestionServiceClient ingestion,
    EntityService.EntityServiceClient entities,
    IOptions<ClientsOptions> options,
    TimeProvider time)
{
    private const string Ingestion = "ingestion";
    private const string Entity = "entity";

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
        var entity = await CallAsync(Entity, entityName, cancellationToken,
            deadline => entities.GetEntityAsync(new GetEntityRequest { Name = entityName }, deadline: deadline, cancellationToken: cancellationToken).ResponseAsync);
        var articles = await Task.WhenAll(entity.Entity.ArticleNames.Select(name => TryGetArticleAsync(name, cancellationToken)));
        var chosen = articles.OfType<SourceArticle>()
            .Select(a => (Article: a, When: a.PublishTime ?? a.CreateTime))
            .Where(x => (from is null || x.When >= from) && (until is null || x.When < until))
            .OrderByDescending(x => x.When)
            .Take(limit)
            .OrderBy(x => x.When)
            .Select(x => x.Article)
            .ToList();
        // The articles are already fetched: only their annotations are still needed.
        return await Task.WhenAll(chosen.Select(a => ToSourceAsync(a, cancellationToken)));
    }

    private async Task<SourceArticle?> TryGetArticleAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return await GetArticleAsync(name, cancellationToken);
        }
        catch (ResourceNotFoundException)
        {
            // Deleted since it was annotated.
            return null;
        }
    }

    /// <summary>A page of ingestion's article list (newest stored first), under the same deadline and error mapping as every other call.</summary>
    public async Task<SourceArticlePage> ListArticlesAsync(int pageSize, string pageToken, CancellationToken cancellationToken)
    {
        var page = await CallAsync(Ingestion, "articles", cancellationToken, deadline => ingestion.ListArticlesAsync(
            new ListArticlesRequest { PageSize = pageSize, PageToken = pageToken }, deadline: deadline, cancellationToken: cancellationToken).ResponseAsync);
        return new SourceArticlePage(page.Articles.Select(SourceMapper.ToDomain).ToList(), page.NextPageToken);
    }

    private async Task<SourceDocument> GatherOneAsync(string name, CancellationToken cancellationToken) =>
        await ToSourceAsync(await GetArticleAsync(name, cancellationToken), cancellationToken);

    private async Task<SourceArticle> GetArticleAsync(string name, CancellationToken cancellationToken) =>
        SourceMapper.ToDomain((await CallAsync(Ingestion, name, cancellationToken,
            deadline => ingestion.GetArticleAsync(new GetArticleRequest { Name = name }, deadline: deadline, cancellationToken: cancellationToken).ResponseAsync)).Article);

    private async Task<SourceDocument> ToSourceAsync(SourceArticle a, CancellationToken cancellationToken)
    {
        var annotation = await GetAnnotationAsync(a, cancellationToken);
        return new SourceDocument(
            a.Name, a.Title, a.Body, a.Source, a.PublishTime, a.ContentHash, annotation);
    }

    /// <summary>The article's stored annotation; an article not annotated yet is annotated now.</summary>
    public async Task<SourceAnnotation> GetAnnotationAsync(SourceArticle article, CancellationToken cancellationToken)
    {
        try
        {
            var stored = await CallAsync(Entity, article.Name + "/annotation", cancellationToken, deadline => entities.GetArticleAnnotationAsync(
                new GetArticleAnnotationRequest { ArticleName = article.Name }, deadline: deadline, cancellationToken: cancellationToken).ResponseAsync);
            return SourceMapper.ToDomain(stored.Annotation);
        }
        catch (ResourceNotFoundException)
        {
            // Not annotated yet (the entity service was down when it was ingested): annotate now.
            var fresh = await CallAsync(Entity, article.Name, cancellationToken, deadline => entities.AnnotateArticleAsync(
                new AnnotateArticleRequest { ArticleName = article.Name, Title = article.Title, Text = article.Body },
                deadline: deadline, cancellationToken: cancellationToken).ResponseAsync);
            return SourceMapper.ToDomain(fresh.Annotation);
        }
    }

    private async Task<T> CallAsync<T>(string dependency, string resource, CancellationToken cancellationToken, Func<DateTime, Task<T>> call)
    {
        // gRPC measures deadlines against the system clock; the incoming call's earlier deadline still wins.
        var deadline = time.GetUtcNow().UtcDateTime + options.Value.CallTimeout;
        try
        {
            return await call(deadline);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            throw new ResourceNotFoundException(resource);
        }
        catch (RpcException ex) when (IsTransient(ex.StatusCode)
            || (ex.StatusCode == StatusCode.DeadlineExceeded && !cancellationToken.IsCancellationRequested))
        {
            // A DEADLINE_EXCEEDED while the incoming call is still live is this service's own per-call
            // deadline: the dependency did not answer in time, which the caller can retry.
            throw new DependencyUnavailableException(dependency, $"The {dependency} service is unavailable: {ex.StatusCode}: {ex.Status.Detail}", ex);
        }
    }

    private static bool IsTransient(StatusCode code) =>
        code is StatusCode.Unavailable or StatusCode.ResourceExhausted or StatusCode.Aborted or StatusCode.Internal or StatusCode.Unknown;
}
