using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Logging;
using Summaries.ServiceDefaults.Errors;

namespace Summaries.ServiceDefaults.Security.RateLimiting;

/// <summary>
/// ASP.NET Core's rate limiter, partitioned per client, answering a refused call the way gRPC
/// clients understand: RESOURCE_EXHAUSTED with google.rpc.RetryInfo, counted on the service's Meter.
/// </summary>
public static partial class RateLimiterSetup
{
    public static void Configure(RateLimiterOptions limiter, RateLimitOptions options, RateLimitTelemetry telemetry, ILogger logger)
    {
        var partitions = new ClientPartitions(options);
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(partitions.Partition);
        limiter.OnRejected = async (rejected, _) =>
        {
            var context = rejected.HttpContext;
            var (kind, client) = partitions.Of(context);
            var service = GrpcServices.ServiceOf(context.Request.Path);
            var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero
                ? after
                : options.Window;
            var tagClient = kind == ClientPartitions.KeyKind ? client : ClientPartitions.PeerKind;
            telemetry.Rejected(service, kind, tagClient);
            LogRejected(logger, service, kind, tagClient, retryAfter);

            var permits = options.PermitLimitFor(kind == ClientPartitions.KeyKind ? client : null);
            var message = string.Create(CultureInfo.InvariantCulture,
                $"Rate limit exceeded: this client may make {permits} calls per {options.Window.TotalSeconds:0.###} s; retry in {retryAfter.TotalSeconds:0.###} s.");
            var status = RpcErrors.RateLimitedStatus(message, retryAfter, new Dictionary<string, string>
            {
                ["partition"] = kind,
                ["permit_limit"] = permits.ToString(CultureInfo.InvariantCulture),
            });
            await GrpcErrorResponse.WriteAsync(context, status);
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call to {Service} rate limited ({PartitionKind} {Client}); retry after {RetryAfter}")]
    private static partial void LogRejected(ILogger logger, string service, string partitionKind, string client, TimeSpan retryAfter);
}
