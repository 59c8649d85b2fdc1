using Grpc.Core;
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

/// <summary>With <c>CreateWait</c> shorter than the call's deadline, a create answers first and the attempt finishes on its own.</summary>
public sealed class SilentEntityShortCreateWaitGrpcTests(SilentEntityShortCreateWaitGrpcTests.Factory factory)
    : IClassFixture<SilentEntityShortCreateWaitGrpcTests.Factory>
{
    private static readonly TimeSpan CreateWait = TimeSpan.FromMilliseconds(50);

    // Long against CreateWait, so a loaded machine cannot blur the two.
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(3);
    private readonly IngestionService.IngestionServiceClient _client = factory.CreateGrpcClient();

    [Fact]
    public async Task CreateArticle_EntityServiceSilent_AnsweredPendingBeforeTheDeadlineThenAttemptRecorded()
    {
        var clock = Stopwatch.StartNew();
        var created = (await _client.CreateArticleAsync(new CreateArticleRequest { Article = TestArticles.UniqueProto() })).Article;
        var took = clock.Elapsed;

        // No error yet: the answer came before the attempt had an outcome, well before its deadline.
        Assert.Equal(AnnotationState.Pending, created.AnnotationState);
        Assert.Empty(created.AnnotationError);
        Assert.True(took < CallTimeout, $"create took {took}");

        var stored = created;
        while (stored.AnnotationError.Length == 0 && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
            stored = (await _client.GetArticleAsync(new GetArticleRequest { Name = created.Name })).Article;
        }

        Assert.Equal(AnnotationState.Pending, stored.AnnotationState);
        Assert.Contains("DeadlineExceeded", stored.AnnotationError, StringComparison.Ordinal);
    }

    public sealed class Factory() : SilentEntityFactory(new Dictionary<string, string>
    {
        ["Ingestion:Annotation:CreateWait"] = CreateWait.ToString(),
        ["Ingestion:Annotation:CallTimeout"] = CallTimeout.ToString(),
    });
}

/// <summary>A caller that gives up does not cancel the annotation call its create started.</summary>
public sealed class SilentEntityCallerGivesUpGrpcTests(SilentEntityCallerGivesUpGrpcTests.Factory factory)
    : IClassFixture<SilentEntityCallerGivesUpGrpcTests.Factory>
{
    private readonly IngestionService.IngestionServiceClient _client = factory.CreateGrpcClient();

    [Fact]
    public async Task CreateArticle_CallerCancelsWhileAnnotationWaits_CallRunsToItsOwnDeadline()
    {
        var request = new CreateArticleRequest { Article = TestArticles.UniqueProto(), RequestId = "gives-up-" + Guid.NewGuid().ToString("N") };
        using (var caller = new CancellationTokenSource(SilentEntityFactory.CallTimeout / 3))
        {
            await Assert.ThrowsAsync<RpcException>(async () => await _client.CreateArticleAsync(request, cancellationToken: caller.Token));
        }

        // The retry (same request id) finds the committed article; the one call in flight is not repeated.
        var stored = (await _client.CreateArticleAsync(request)).Article;
        var clock = Stopwatch.StartNew();
        while (stored.AnnotationError.Length == 0 && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
            stored = (await _client.GetArticleAsync(new GetArticleRequest { Name = stored.Name })).Article;
        }

        // Handed the caller's cancellation, the call would have ended Cancelled as soon as it left.
        Assert.Equal(AnnotationState.Pending, stored.AnnotationState);
        Assert.Contains("DeadlineExceeded", stored.AnnotationError, StringComparison.Ordinal);
    }

    public sealed class Factory() : SilentEntityFactory(new Dictionary<string, string>());
}
