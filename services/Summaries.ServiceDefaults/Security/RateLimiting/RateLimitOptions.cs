using System.ComponentModel.DataAnnotations;

namespace Summaries.ServiceDefaults.Security.RateLimiting;

/// <summary>
/// Per-client call rate limits. Section <c>RateLimits</c>. Off by default. A client is its API key id
/// when auth is on, else its IP address; each gets <see cref="PermitLimit"/> calls per
/// <see cref="Window"/>. A call over the limit ends RESOURCE_EXHAUSTED with RetryInfo.
/// </summary>
public sealed class RateLimitOptions : IValidatableObject
{
    public const string SectionName = "RateLimits";

    public bool Enabled { get; set; }

    /// <summary>FixedWindow (default): PermitLimit calls per Window. TokenBucket: a bucket of PermitLimit calls refilled by TokensPerPeriod every Window, for steadier bursts.</summary>
    public RateLimitAlgorithm Algorithm { get; set; } = RateLimitAlgorithm.FixedWindow;

    /// <summary>Calls per client per window (the bucket size for TokenBucket). Default 100.</summary>
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 100;

    /// <summary>The window (FixedWindow) or refill period (TokenBucket). Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>TokenBucket: calls added back each Window. Default: PermitLimit.</summary>
    [Range(1, 1_000_000)]
    public int? TokensPerPeriod { get; set; }

    /// <summary>Calls over the limit that wait for a permit instead of failing at once. Default 0.</summary>
    [Range(0, 100_000)]
    public int QueueLimit { get; set; }

    /// <summary>PermitLimit for particular API key ids, e.g. <c>RateLimits__KeyPermitLimits__summary=1000</c> for the service that calls on everyone's behalf.</summary>
    public Dictionary<string, int> KeyPermitLimits { get; set; } = new(StringComparer.Ordinal);

    /// <summary>gRPC services never limited. Default: health and reflection. A single empty entry limits everything.</summary>
    public string[]? ExemptServices { get; set; }

    public IReadOnlySet<string> EffectiveExemptServices => GrpcServices.Effective(ExemptServices, GrpcServices.HealthAndReflection);

    public int PermitLimitFor(string? keyId) =>
        keyId is not null && KeyPermitLimits.TryGetValue(keyId, out var limit) ? limit : PermitLimit;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (id, limit) in KeyPermitLimits.Where(p => p.Value < 1))
        {
            yield return new ValidationResult($"{SectionName}:KeyPermitLimits:{id} must be at least 1 (it is {limit}).", [nameof(KeyPermitLimits)]);
        }
    }
}

/// <summary>How permits come back.</summary>
public enum RateLimitAlgorithm
{
    FixedWindow,
    TokenBucket,
}
