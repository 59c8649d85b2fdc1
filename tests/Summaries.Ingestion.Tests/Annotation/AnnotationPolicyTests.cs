using Summaries.Ingestion.Cleaning;
using Summaries.Ingestion.Annotation;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Options;

namespace Summaries.Ingestion.Tests.Annotation;

public sealed class AnnotationPolicyTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly AnnotationPolicy _policy = new(Microsoft.Extensions.Options.Options.Create(new AnnotationOptions
    {
        RetryInterval = TimeSpan.FromSeconds(5),
        MaxBackoff = TimeSpan.FromMinutes(5),
        MaxAttempts = 20,
    }));

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(7, 300)]
    [InlineData(19, 300)]
    [InlineData(500, 300)]
    public void BackoffAfter_Attempts_DoublesUpToMax(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), _policy.BackoffAfter(attempts));

    [Fact]
    public void OnFailure_BeforeLastAttempt_PendingWithBackoff()
    {
        var update = _policy.OnFailure(Article(attempts: 2), new AnnotationFailure("boom", false, true), Now);

        Assert.Equal(AnnotationState.Pending, update.State);
        Assert.Equal(3, update.Attempts);
        Assert.Equal("boom", update.Error);
        Assert.Equal(Now.AddSeconds(20), update.NextAttemptTime);
    }

    [Fact]
    public void OnFailure_LastAttempt_FailedWithReason()
    {
        var update = _policy.OnFailure(Article(attempts: 19), new AnnotationFailure("boom", false, true), Now);

        Assert.Equal(AnnotationState.Failed, update.State);
        Assert.Equal("gave up after 20 attempts; last error: boom", update.Error);
        Assert.Null(update.NextAttemptTime);
    }

    [Fact]
    public void OnFailure_Permanent_FailedAtOnce()
    {
        var update = _policy.OnFailure(Article(attempts: 0), new AnnotationFailure("too long", true, false), Now);

        Assert.Equal(AnnotationState.Failed, update.State);
        Assert.Contains("too long", update.Error, StringComparison.Ordinal);
    }

    private static Article Article(int attempts) => new()
    {
        Id = "a",
        Sequence = 1,
        Title = "t",
        Body = "b",
        CleanedBody = "b",
        CleanedSegments = new SegmentList([new TextSegment(0, 0, 1, 1)]),
        DuplicateOf = "",
        DuplicateSimilarity = 0,
        DuplicateGroup = "a",
        Source = "",
        Url = "",
        PublishTime = null,
        Language = "en",
        CreateTime = Now,
        ContentHash = "h",
        RequestId = null,
        AnnotationState = AnnotationState.Pending,
        AnnotationError = "",
        AnnotationAttempts = attempts,
    };
}
