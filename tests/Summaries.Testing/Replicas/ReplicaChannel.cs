using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Summaries.Testing.Replicas;

/// <summary>
/// A client channel over a static list of replicas, balanced round robin, as a Kubernetes client
/// resolving a headless service gets: a replica that is gone is left out, and a call that fails
/// UNAVAILABLE before anything was answered is retried on another one.
/// </summary>
public static class ReplicaChannel
{
    public static GrpcChannel ForPorts(IReadOnlyList<int> ports, bool retry = true)
    {
        var resolver = new StaticResolverFactory(_ => ports.Select(p => new BalancerAddress("127.0.0.1", p)).ToArray());
        var services = new ServiceCollection().AddSingleton<ResolverFactory>(resolver).BuildServiceProvider();
        var config = new ServiceConfig { LoadBalancingConfigs = { new RoundRobinConfig() } };
        if (retry)
        {
            config.MethodConfigs.Add(new MethodConfig
            {
                Names = { MethodName.Default },
                RetryPolicy = new RetryPolicy
                {
                    MaxAttempts = 5,
                    InitialBackoff = TimeSpan.FromMilliseconds(100),
                    MaxBackoff = TimeSpan.FromSeconds(1),
                    BackoffMultiplier = 2,
                    RetryableStatusCodes = { StatusCode.Unavailable },
                },
            });
        }

        return GrpcChannel.ForAddress("static:///replicas", new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Insecure,
            ServiceProvider = services,
            ServiceConfig = config,
        });
    }
}
