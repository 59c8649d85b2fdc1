using Grpc.Net.Client.Balancer;

namespace Summaries.ServiceDefaults.Clients;

/// <summary>
/// The <c>dns</c> resolver, re-resolving every <see cref="RefreshInterval"/> as well as after a
/// connection fails, so new pods behind a headless Service start receiving calls without a failure first.
/// </summary>
public sealed class RefreshingDnsResolverFactory : ResolverFactory
{
    /// <summary>How often names are resolved again. Kubernetes DNS caches records for 5–30 s.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(15);

    private readonly DnsResolverFactory inner = new(RefreshInterval);

    /// <inheritdoc/>
    public override string Name => inner.Name;

    /// <inheritdoc/>
    public override Resolver Create(ResolverOptions options) => inner.Create(options);
}
