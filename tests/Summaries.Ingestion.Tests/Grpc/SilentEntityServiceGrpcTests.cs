using System.Diagnostics;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Ingestion.Tests.Infrastructure;

namespace Summaries.Ingestion.Tests.Grpc;

/// <summary>An entity service that never answers costs one deadline, not one per article.</summary>
public sealed class SilentEntityServiceGrpcTests(SilentEntityFactory factory) : IClassFixture<SilentEntityFactory>
{
    private readonly IngestionService.IngestionServiceClient _client = factory.CreateGrpcClient();

    [Fact]
    public async Task CreateArticle_EntityServiceSilent_PendingAfterDeadlineThenSkipped()
    {
        var clock = Stopwatch.StartNew();
        var first = (await _client.CreateArticleAsync(new CreateArticleRequest { Article = TestArticles.UniqueProto() })).Article;
        var firstTook = clock.Elapsed;
        clock.Restart();
        var second = (await _client.CreateArticleAsync(new CreateArticleRequest { Article = TestArticles.UniqueProto() })).Article;
        var secondTook = clock.Elapsed;

        Assert.Equal(AnnotationState.Pending, first.AnnotationState);
        Assert.Contains("DeadlineExceeded", first.AnnotationError, StringComparison.Ordinal);
        Assert.InRange(firstTook, SilentEntityFactory.CallTimeout * 0.9, TimeSpan.FromSeconds(5));
        Assert.Equal(AnnotationState.Pending, second.AnnotationState);
        Assert.Contains("timed out moments ago", second.AnnotationError, StringComparison.Ordinal);
        Assert.True(secondTook < SilentEntityFactory.CallTimeout, $"second create took {secondTook}");
    }
}
