using Grpc.Net.Client.Balancer;

namespace Summaries.Deploy.Tests.LoadBalancing;

/// <summary>
/// Stands in for cluster DNS in tests: resolves the "dns" scheme from a fixed table, the way CoreDNS
/// answers a headless Service with one A record per ready pod. Registered in the container before the
/// production registration, so the channel picks it (the first factory with the scheme's name wins);
/// everything after name resolution (subchannels, round_robin, retries, transport) is production code.
/// </summary>
public sealed class HeadlessServiceDns(IReadOnlyDictionary<string, IReadOnlyList<BalancerAddress>> records) : ResolverFactory
{
    private int resolutions;

    public override string Name => "dns";

    /// <summary>How many times a channel asked for a name; proves the channel went through this resolver.</summary>
    public int Resolutions => Volatile.Read(ref resolutions);

    public override Resolver Create(ResolverOptions options)
    {
        // dns:///host:port keeps host:port in the path.
        var target = options.Address.AbsolutePath.TrimStart('/');
        var host = target[..target.LastIndexOf(':')];
        Interlocked.Increment(ref resolutions);
        var addresses = records.TryGetValue(host, out var found) ? found : [];
        return new StaticResolverFactory(_ => addresses).Create(options);
    }
}
