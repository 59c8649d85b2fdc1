using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Summaries.ServiceDefaults.Security.Auth;

namespace Summaries.ServiceDefaults.Security.RateLimiting;

/// <summary>
/// Which bucket a call draws from: its API key id when authenticated, else the peer's IP address;
/// none for exempt services.
/// </summary>
public sealed class ClientPartitions(RateLimitOptions options)
{
    public const string KeyKind = "key";
    public const string PeerKind = "peer";
    public const string ExemptKind = "exempt";

    private readonly IReadOnlySet<string> _exempt = options.EffectiveExemptServices;

    /// <summary>The partition's kind and the client within it.</summary>
    public (string Kind, string Client) Of(HttpContext context)
    {
        if (_exempt.Contains(GrpcServices.ServiceOf(context.Request.Path)))
        {
            return (ExemptKind, string.Empty);
        }

        return CallerIdentity.KeyIdOf(context) is { } keyId
            ? (KeyKind, keyId)
            : (PeerKind, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    public RateLimitPartition<string> Partition(HttpContext context)
    {
        var (kind, client) = Of(context);
        if (kind == ExemptKind)
        {
            return RateLimitPartition.GetNoLimiter(ExemptKind);
        }

        var permits = options.PermitLimitFor(kind == KeyKind ? client : null);
        var partitionKey = kind + ":" + client;
        return options.Algorithm switch
        {
            RateLimitAlgorithm.TokenBucket => RateLimitPartition.GetTokenBucketLimiter(partitionKey, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = permits,
                TokensPerPeriod = options.TokensPerPeriod ?? permits,
                ReplenishmentPeriod = options.Window,
                QueueLimit = options.QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }),
            _ => RateLimitPartition.GetFixedWindowLimiter(partitionKey, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = options.Window,
                QueueLimit = options.QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }),
        };
    }
}
