using Grpc.Core;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.Options;
using Summaries.Contracts.Entity.V1;
using Summaries.Ingestion.Annotation;
using Summaries.ServiceDefaults.Errors;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Options;

namespace Summaries.Ingestion.Clients;

/// <summary>
/// Calls <c>EntityService.AnnotateArticle</c>, or <c>BatchAnnotateArticles</c> for several articles,
/// with the stored bodies, under a short deadline. An entity service too old for the batch call
/// (UNIMPLEMENTED) gets single calls, and the batch call is tried again some minutes later.
/// </summary>
public sealed partial class EntityServiceAnnotator(
    GrpcClientFactory clients, IOptions<AnnotationOptions> options, TimeProvider time, ILogger<EntityServiceAnnotator> logger) : IArticleAnnotator
{
    private const int MaxMessageChars = 500;
    private const int SingleCallsInParallel = 8;
    private static readonly TimeSpan BatchRetryAfter = TimeSpan.FromMinutes(5);
    private long _batchUnsupportedUntilTicks;

    public async Task AnnotateAsync(Article article, CancellationToken cancellationToken)
    {
        try
        {
            // gRPC measures deadlines against the system clock, so this one does too. (Calls are made
            // by the annotation worker, so no caller's deadline reaches them.)
            await Client().AnnotateArticleAsync(Request(article), deadline: Deadline(), cancellationToken: cancellationToken);
        }
        catch (RpcException ex)
        {
            throw new AnnotationFailedException(Classify(ex.StatusCode.ToString(), ex.Status.Detail), ex);
        }
    }

    public async Task<IReadOnlyList<AnnotationFailure?>> AnnotateManyAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        if (articles.Count == 0)
        {
            return [];
        }

        if (time.GetUtcNow().UtcTicks < Interlocked.Read(ref _batchUnsupportedUntilTicks))
        {
            return await OneByOneAsync(articles, cancellationToken);
        }

        var request = new BatchAnnotateArticlesRequest();
        request.Requests.AddRange(articles.Select(Request));
        BatchAnnotateArticlesResponse response;
        try
        {
            response = await Client().BatchAnnotateArticlesAsync(request, deadline: Deadline(), cancellationToken: cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unimplemented)
        {
            Interlocked.Exchange(ref _batchUnsupportedUntilTicks, (time.GetUtcNow() + BatchRetryAfter).UtcTicks);
            LogNoBatchCall(logger, BatchRetryAfter.TotalMinutes);
            return await OneByOneAsync(articles, cancellationToken);
        }
        catch (RpcException ex)
        {
            throw new AnnotationFailedException(Classify(ex.StatusCode.ToString(), ex.Status.Detail), ex);
        }

        if (response.Results.Count != articles.Count)
        {
            throw new AnnotationFailedException(new AnnotationFailure(
                $"entity service: answered {response.Results.Count} results for {articles.Count} articles", Permanent: false, TimedOut: false));
        }

        return response.Results.Select(ItemFailure).ToList();
    }

    private async Task<IReadOnlyList<AnnotationFailure?>> OneByOneAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        var failures = new AnnotationFailure?[articles.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, articles.Count),
            new ParallelOptions { MaxDegreeOfParallelism = SingleCallsInParallel, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                try
                {
                    await AnnotateAsync(articles[i], token);
                }
                catch (AnnotationFailedException ex)
                {
                    failures[i] = ex.Failure;
                }
            });
        return failures;
    }

    // A client per call lets the factory rotate handlers; the channel underneath is pooled.
    private EntityService.EntityServiceClient Client() =>
        clients.CreateClient<EntityService.EntityServiceClient>(nameof(EntityService.EntityServiceClient));

    private DateTime Deadline() => DateTime.UtcNow + options.Value.CallTimeout;

    private static AnnotateArticleRequest Request(Article article) =>
        new() { ArticleName = article.Name, Title = article.Title, Text = article.Body };

    /// <summary>
    /// Why a call, or one article of a batch, failed: permanent when the entity service refused the
    /// text, a timeout when it did not answer in time. <paramref name="code"/> is the status as the
    /// client names it (<c>InvalidArgument</c>) or as a batch result spells it (<c>INVALID_ARGUMENT</c>).
    /// </summary>
    private static AnnotationFailure? ItemFailure(BatchAnnotateArticlesResult result)
    {
        if (result.Status is { } status)
        {
            return Classify(RpcErrors.CodeName((StatusCode)status.Code), status.Message);
        }

#pragma warning disable CS0612 // an entity service of the release before fills only the deprecated error
        return result.Error is { } error ? Classify(error.Code, error.Message) : null;
#pragma warning restore CS0612
    }

    private static AnnotationFailure Classify(string code, string detail)
    {
        var shortDetail = detail.Length > MaxMessageChars ? detail[..MaxMessageChars] + "…" : detail;
        var normalized = code.Replace("_", string.Empty, StringComparison.Ordinal);
        return new AnnotationFailure(
            $"entity service: {code}: {shortDetail}",
            Permanent: normalized.Equals(nameof(StatusCode.InvalidArgument), StringComparison.OrdinalIgnoreCase),
            TimedOut: normalized.Equals(nameof(StatusCode.DeadlineExceeded), StringComparison.OrdinalIgnoreCase));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The entity service has no BatchAnnotateArticles (an older version?): articles go one call each, and the batch call is tried again in {Minutes} minutes")]
    private static partial void LogNoBatchCall(ILogger logger, double minutes);
}
