using System.ComponentModel.DataAnnotations;

namespace Summaries.Ingestion.Options;

/// <summary>Limits an article must respect to be stored. Section <c>Ingestion:Limits</c>.</summary>
public sealed class IngestionLimitsOptions
{
    public const string SectionName = "Ingestion:Limits";

    /// <summary>Longest body accepted, in UTF-16 characters as sent. Default 1,000,000 (the entity service's limit).</summary>
    [Range(1, 16_000_000)]
    public int MaxBodyChars { get; set; } = 1_000_000;

    /// <summary>Longest title accepted, in characters. Default 1,000.</summary>
    [Range(1, 100_000)]
    public int MaxTitleChars { get; set; } = 1_000;

    /// <summary>Longest source (publisher) accepted, in characters. Default 500.</summary>
    [Range(1, 100_000)]
    public int MaxSourceChars { get; set; } = 500;

    /// <summary>
    /// Most items one BatchCreateArticles stream may carry; the next one fails the call with
    /// RESOURCE_EXHAUSTED. Bounds the per-item results the server holds until the stream ends.
    /// Default 100,000. (StreamCreateArticles holds nothing and has no limit.)
    /// </summary>
    [Range(1, 10_000_000)]
    public int MaxBatchItems { get; set; } = 100_000;

    /// <summary>
    /// How long a client stream (BatchCreateArticles, StreamCreateArticles) may go without a message
    /// before the server ends it with DEADLINE_EXCEEDED (ErrorInfo reason STREAM_IDLE): a client that
    /// never completes its stream must not hold the call open forever. Items received before are
    /// stored; resending the stream with the same request ids is safe. Default 5 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan StreamIdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Roughly the most bytes of articles one ListArticles page or BatchGetArticles response carries: a
    /// page ends early (with a next page token) before the article that would pass it, and holds at
    /// least one. Keeps a page of large articles inside the server's memory and the client's receive
    /// limit (gRPC's default is 4 MiB; the services raise theirs to 16 MB). Default 4 MiB.
    /// </summary>
    [Range(65_536, 64L * 1024 * 1024)]
    public long MaxResponseBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>Longest URL accepted, in characters. Default 2,048.</summary>
    [Range(1, 100_000)]
    public int MaxUrlChars { get; set; } = 2_048;

    /// <summary>Longest <c>request_id</c> accepted, in characters. Default 128.</summary>
    [Range(1, 10_000)]
    public int MaxRequestIdChars { get; set; } = 128;

    /// <summary>How far in the future <c>publish_time</c> may lie (clock skew, embargoes). Default 1 day.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan MaxPublishTimeAhead { get; set; } = TimeSpan.FromDays(1);
}
