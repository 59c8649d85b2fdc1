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
    /// How long <c>CreateArticle</c> waits for the annotation worker's first attempt at the new article
    /// (within the call's own deadline) before it answers with the article PENDING; the attempt goes on
    /// (for up to <see cref="CallTimeout"/>) and records its outcome. So a slow entity service adds at
    /// most this much to a create. Default 1 s; 0 answers as soon as the article is committed. Streams
    /// never wait for annotation.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan CreateWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often the annotation worker looks at the outbox when nothing in this process woke it (commits
    /// by other replicas, retries falling due), and the first retry delay of an article; each later
    /// failure doubles the delay. Default 5 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest delay between two attempts for one article. Default 5 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts per article before it is marked FAILED. Default 20.</summary>
    [Range(1, 1_000)]
    public int MaxAttempts { get; set; } = 20;

    /// <summary>
    /// Most articles the worker claims and attempts in one pass (in calls of 16, four at a time).
    /// Default 64.
    /// </summary>
    [Range(1, 1_000)]
    public int BatchSize { get; set; } = 64;

    /// <summary>
    /// How long a worker's claim on the articles of one pass keeps other workers (other replicas) off
    /// them; a claim left by a crashed replica holds its articles back this long. It must cover a pass,
    /// which can make two rounds of calls (an entity service without the batch call is called once per
    /// article, eight at a time) and record them: never less than four <see cref="CallTimeout"/>s
    /// (<see cref="EffectiveClaimLease"/>). Default 1 min.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.040", "01:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary><see cref="ClaimLease"/>, raised to four <see cref="CallTimeout"/>s where it is shorter.</summary>
    public TimeSpan EffectiveClaimLease => ClaimLease > 4 * CallTimeout ? ClaimLease : 4 * CallTimeout;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxBackoff < RetryInterval)
        {
            yield return new ValidationResult(
                "Ingestion:Annotation:MaxBackoff must not be shorter than RetryInterval.", [nameof(MaxBackoff)]);
        }

    }
}
