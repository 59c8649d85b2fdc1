using System.ComponentModel.DataAnnotations;

namespace Summaries.ServiceDefaults.Probes;

/// <summary>How readiness asks the store whether it answers. Section <c>Health:Store</c>.</summary>
public sealed class StoreReadinessOptions
{
    public const string SectionName = "Health:Store";

    /// <summary>How long the trivial query may take before the store counts as not answering. Default 2 s (under the probes' 2 s timeout plus the call).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long one answer is reused: probes from the kubelet, Watch calls and operators together then
    /// cost the database at most one query per period per pod. Default 3 s (under the 5 s probe period).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(3);
}
