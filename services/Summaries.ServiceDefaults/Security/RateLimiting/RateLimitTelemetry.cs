using System.Diagnostics.Metrics;

namespace Summaries.ServiceDefaults.Security.RateLimiting;

/// <summary><c>summaries.rate_limit.rejected</c> on the service's own Meter (named like the service, e.g. <c>Summaries.Ingestion</c>).</summary>
public sealed class RateLimitTelemetry
{
    public const string RejectedName = "summaries.rate_limit.rejected";

    private readonly Counter<long> _rejected;

    public RateLimitTelemetry(IMeterFactory meterFactory, string meterName)
    {
        _rejected = meterFactory.Create(meterName).CreateCounter<long>(
            RejectedName, "{call}", "Calls refused because their client was over its rate limit.");
    }

    /// <summary>Counts one refused call. <paramref name="partitionKind"/> is "key" or "peer"; <paramref name="client"/> the key id, or "peer" (addresses are not tags).</summary>
    public void Rejected(string service, string partitionKind, string client) =>
        _rejected.Add(1,
            new KeyValuePair<string, object?>("rpc.service", service),
            new KeyValuePair<string, object?>("summaries.rate_limit.partition", partitionKind),
            new KeyValuePair<string, object?>("summaries.client.id", client));
}
