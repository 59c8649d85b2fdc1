using Microsoft.Extensions.Options;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Options;
using Summaries.Ingestion.Storage;

namespace Summaries.Ingestion.Annotation;

/// <summary>What to record after an attempt: exponential backoff per article, then FAILED after the last attempt.</summary>
public sealed class AnnotationPolicy(IOptions<AnnotationOptions> options)
{
    private readonly AnnotationOptions _options = options.Value;

    public TimeSpan RetryInterval => _options.RetryInterval;

    /// <summary>RetryInterval × 2^(attempts − 1), capped at MaxBackoff.</summary>
    public TimeSpan BackoffAfter(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 40));
        var ticks = Math.Min(_options.RetryInterval.Ticks * factor, _options.MaxBackoff.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    public AnnotationUpdate OnSuccess(Article article) =>
        new(AnnotationState.Done, string.Empty, article.AnnotationAttempts + 1, null);

    public AnnotationUpdate OnFailure(Article article, AnnotationFailure failure, DateTimeOffset now)
    {
        var attempts = article.AnnotationAttempts + 1;
        if (failure.Permanent)
        {
            return new(AnnotationState.Failed, $"rejected: {failure.Message}", attempts, null);
        }

        if (attempts >= _options.MaxAttempts)
        {
            return new(AnnotationState.Failed, $"gave up after {attempts} attempts; last error: {failure.Message}", attempts, null);
        }

        return new(AnnotationState.Pending, failure.Message, attempts, now + BackoffAfter(attempts));
    }

    /// <summary>The attempt was skipped because a call to the entity service just timed out.</summary>
    public AnnotationUpdate OnSkipped(Article article, DateTimeOffset now) =>
        new(AnnotationState.Pending,
            "not sent yet: the entity service timed out moments ago; will retry",
            article.AnnotationAttempts, now + _options.RetryInterval);
}
