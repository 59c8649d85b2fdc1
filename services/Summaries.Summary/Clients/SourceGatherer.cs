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

    /// <summary>
    /// Calls in flight at once for one request (article and annotation reads): a briefing of many
    /// articles must not open hundreds of calls to the same two services at once.
    /// </summary>
    private const int CallsInFlight = 8;

    /// <summary>The most names one BatchGetArticles may carry (ingestion's limit).</summary>
    private const int BatchGetLimit = 1_000;

    public async Task<IReadOnlyList<SourceDocument>> GatherAsync(IReadOnlyList<string> articleNames, CancellationToken cancellationToken) =>
        await ForEachBoundedAsync(articleNames, GatherOneAsync, cancellationToken);

    /// <summary>
    /// The most recent articles (at most <paramref name="limit"/>) that mention an entity, within a
    /// time window on the publish time (or the store time when an article has none). The window and
    /// the limit are applied to the articles without their bodies (one BatchGetArticles in the basic
    /// view for the entity's article names, themselves capped by the entity service); only the chosen
    /// articles are read whole. So the calls and bytes grow with the limit, not with how many articles
    /// mention the entity.
    /// </summary>
    public async Task<IReadOnlyList<SourceDocument>> GatherMentioningAsync(
        string entityName, DateTimeOffset? from, DateTimeOffset? until, int limit, CancellationToken cancellationToken)
    {
        var entity = await CallAsync(Entity, entityName, cancellationToken,
            deadline => entities.GetEntityAsync(new GetEntityRequest { Name = entityName }, deadline: deadline, cancellationToken: cancellationToken).ResponseAsync);
        var headers = await GetManyAsync(entity.Entity.ArticleNames, ArticleView.Basic, cancellationToken);
        var chosen = headers
            .Select(a => (Article: a, When: a.PublishTime ?? a.CreateTime))
            .Where(x => (from is null || x.When >= from) && (until is null || x.When < until))
            .OrderByDescending(x => x.When)
            .Take(limit)
            .OrderBy(x => x.When)
            .Select(x => x.Article.Name)
            .ToList();
        // Deleted since the headers were read: left out, as a deleted mention is above.
        var articles = await GetManyAsync(chosen, ArticleView.Full, cancellationToken);
        return await ForEachBoundedAsync(articles, ToSourceAsync, cancellationToken);
    }

    /// <summary>The named articles that exist, whole, in the order asked; names with no article are left out.</summary>
    public Task<IReadOnlyList<SourceArticle>> GetArticlesAsync(IReadOnlyList<string> names, CancellationToken cancellationToken) =>
        GetManyAsync(names, ArticleView.Full, cancellationToken);

    /// <summary>
    /// The named articles that exist, in the order asked, in <paramref name="view"/>: BatchGetArticles
    /// calls of at most 1,000 names, one at a time, each carrying what ingestion's byte budget lets
    /// it (the names it defers go into the next call). Names with no article are left out.
    /// </summary>
    private async Task<IReadOnlyList<SourceArticle>> GetManyAsync(IReadOnlyList<string> names, ArticleView view, CancellationToken cancellationToken)
    {
        var found = new List<SourceArticle>(names.Count);
        var remaining = names.Distinct(StringComparer.Ordinal).ToList();
        while (remaining.Count > 0)
        {
            var request = new BatchGetArticlesRequest { View = view };
            request.Names.AddRange(remaining.Take(BatchGetLimit));
            var response = await CallAsync(Ingestion, "articles", cancellationToken, deadline =>
                ingestion.BatchGetArticlesAsync(request, deadline: deadline, cancellationToken: cancellationToken).ResponseAsync);
            found.AddRange(response.Articles.Select(SourceMapper.ToDomain));
            var answered = response.Articles.Count + response.MissingNames.Count;
            if (answered == 0)
            {
                // Ingestion always answers for the first name; a call that answers none would loop forever.
                throw new DependencyUnavailableException(Ingestion, "The ingestion service answered a BatchGetArticles call with no article.");
            }

            remaining = [.. response.DeferredNames, .. remaining.Skip(BatchGetLimit)];
        }

        return found;
    }

    /// <summary>
    /// A page of ingestion's article list (newest stored first) without bodies (the basic view), under
    /// the same deadline and error mapping as every other call. Ingestion may end a page early to stay
    /// within its byte budget; the token then continues it.
    /// </summary>
    public async Task<SourceArticlePage> ListArticleHeadersAsync(int pageSize, string pageToken, CancellationToken cancellationToken)
    {
        var page = await CallAsync(Ingestion, "articles", cancellationToken, deadline => ingestion.ListArticlesAsync(
            new ListArticlesRequest { PageSize = pageSize, PageToken = pageToken, View = ArticleView.Basic },
            deadline: deadline, cancellationToken: cancellationToken).ResponseAsync);
        return new SourceArticlePage(page.Articles.Select(SourceMapper.ToDomain).ToList(), page.NextPageToken);
    }

    /// <summary>One result per item, in the items' order, with at most <see cref="CallsInFlight"/> items in progress.</summary>
    private static async Task<IReadOnlyList<TResult>> ForEachBoundedAsync<TItem, TResult>(
        IReadOnlyList<TItem> items, Func<TItem, CancellationToken, Task<TResult>> work, CancellationToken cancellationToken)
    {
        var results = new TResult[items.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, items.Count),
            new ParallelOptions { MaxDegreeOfParallelism = CallsInFlight, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await work(items[i], ct));
        return results;
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
