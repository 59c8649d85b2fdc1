using System.ComponentModel.DataAnnotations;

namespace Summaries.Ingestion.Options;

/// <summary>How stored articles are sent to the entity service. Section <c>Ingestion:Annotation</c>.</summary>
public sealed class AnnotationOptions : IValidatableObject
{
    public const string SectionName = "Ingestion:Annotation";

    /// <summary>Deadline of one AnnotateArticle or BatchAnnotateArticles call. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long <c>CreateArticle</c> waits for the new article's first annotation attempt before it
    /// answers with the article PENDING; the attempt goes on (for up to <see cref="CallTimeout"/>) and
    /// records its outcome. So a slow entity service adds at most this much to a create. Default 1 s;
    /// 0 answers as soon as the article is committed. Streams never wait for annotation.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan CreateWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often the background worker looks for PENDING articles, and the first retry delay of an
    /// article; each later failure doubles the delay. Default 5 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest delay between two attempts for one article. Default 5 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts per article before it is marked FAILED. Default 20.</summary>
    [Range(1, 1_000)]
    public int MaxAttempts { get; set; } = 20;

    /// <summary>Most articles the worker retries in one pass. Default 20.</summary>
    [Range(1, 1_000)]
    public int BatchSize { get; set; } = 20;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxBackoff < RetryInterval)
        {
            yield return new ValidationResult(
                "Ingestion:Annotation:MaxBackoff must not be shorter than RetryInterval.", [nameof(MaxBackoff)]);
        }
    }
}
