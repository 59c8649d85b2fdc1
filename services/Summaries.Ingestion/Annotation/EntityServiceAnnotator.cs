using Grpc.Core;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.Options;
using Summaries.Contracts.Entity.V1;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Options;

namespace Summaries.Ingestion.Annotation;

/// <summary>Calls <c>EntityService.AnnotateArticle</c> with the stored body, under a short deadline.</summary>
public sealed class EntityServiceAnnotator(
    GrpcClientFactory clients, IOptions<AnnotationOptions> options) : IArticleAnnotator
{
    private const int MaxMessageChars = 500;

    public async Task AnnotateAsync(Article article, CancellationToken cancellationToken)
    {
        // A client per call lets the factory rotate handlers; the channel underneath is pooled.
        var client = clients.CreateClient<EntityService.EntityServiceClient>(nameof(EntityService.EntityServiceClient));
        var request = new AnnotateArticleRequest { ArticleName = article.Name, Title = article.Title, Text = article.Body };
        try
        {
            // gRPC measures deadlines against the system clock, so this one does too. An incoming
            // call's earlier deadline wins (call-context propagation).
            await client.AnnotateArticleAsync(
                request, deadline: DateTime.UtcNow + options.Value.CallTimeout, cancellationToken: cancellationToken);
        }
        catch (RpcException ex)
        {
            throw new AnnotationFailedException(Classify(ex), ex);
        }
    }

    private static AnnotationFailure Classify(RpcException ex)
    {
        var detail = ex.Status.Detail.Length > MaxMessageChars ? ex.Status.Detail[..MaxMessageChars] + "…" : ex.Status.Detail;
        var message = $"entity service: {ex.StatusCode}: {detail}";
        return ex.StatusCode switch
        {
            StatusCode.InvalidArgument => new AnnotationFailure(message, Permanent: true, TimedOut: false),
            StatusCode.DeadlineExceeded => new AnnotationFailure(message, Permanent: false, TimedOut: true),
            _ => new AnnotationFailure(message, Permanent: false, TimedOut: false),
        };
    }
}
