using Grpc.Net.Client.Balancer;

namespace Summaries.ServiceDefaults.Clients;

/// <summary>
/// The <c>static</c> resolver: <c>static:///host1:port1,host2:port2</c> names every replica, and the
/// round-robin balancer leaves out the ones that do not answer until they do again.
/// </summary>
public sealed class StaticListResolverFactory : ResolverFactory
{
    private readonly StaticResolverFactory inner = new(Addresses);

    /// <inheritdoc/>
    public override string Name => GrpcAddress.StaticScheme;

    /// <inheritdoc/>
    public override Resolver Create(ResolverOptions options) => inner.Create(options);

    private static IEnumerable<BalancerAddress> Addresses(Uri address) =>
        GrpcAddress.Targets(address).Select(target =>
        {
            var hostPort = new Uri("http://" + target);
            return new BalancerAddress(hostPort.Host, hostPort.Port);
        });
}
