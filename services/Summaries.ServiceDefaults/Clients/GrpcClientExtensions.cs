using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Summaries.ServiceDefaults.Clients;

/// <summary>
/// How every service calls another: deadlines and cancellation passed on, transient failures retried,
/// and calls spread over every instance when the address is <c>dns:///host:port</c> or a
/// <c>static:///host:port,host:port</c> list.
/// </summary>
public static class GrpcClientExtensions
{
    /// <summary>
    /// Registers a typed gRPC client. <paramref name="address"/> is either <c>http://host:port</c> (one
    /// HTTP/2 connection to whatever the name resolves to; what local runs and the AppHost use) or
    /// <c>dns:///host:port</c>: every address the name resolves to gets its own connection and calls go
    /// round-robin over the ready ones. On Kubernetes point the latter at a headless Service, which
    /// resolves to the pod IPs; a ClusterIP Service would pin the single HTTP/2 connection to one pod.
    /// </summary>
    public static IHttpClientBuilder AddSummariesGrpcClient<TClient>(
        this IServiceCollection services,
        Func<IServiceProvider, string> address,
        Action<SummariesGrpcClientOptions>? configure = null)
        where TClient : ClientBase
    {
        var options = new SummariesGrpcClientOptions();
        configure?.Invoke(options);

        // The channel looks resolvers up in the container first; this one re-resolves periodically so
        // pods added by a scale-out get calls too (gRPC's built-in dns resolver only re-resolves on failure).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ResolverFactory, RefreshingDnsResolverFactory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ResolverFactory, StaticListResolverFactory>());

        return services
            .AddGrpcClient<TClient>((sp, o) => o.Address = new Uri(address(sp)))
            // Background work (outbox retries, seeding) has no incoming call; that must not be an error.
            .EnableCallContextPropagation(o => o.SuppressContextNotFoundErrors = true)
            .ConfigureChannel((sp, channel) => ApplyChannelDefaults(channel, new Uri(address(sp)), options, Security(sp)))
            // The gRPC client factory's own SocketsHttpHandler (multiple HTTP/2 connections), with TLS added.
            .ConfigurePrimaryHttpMessageHandler((handler, sp) =>
            {
                if (handler is SocketsHttpHandler sockets)
                {
                    ClientTransport.Configure(sockets, new Uri(address(sp)), Security(sp).Tls,
                        sp.GetService<TimeProvider>(), sp.GetService<ILoggerFactory>()?.CreateLogger(typeof(ClientTransport)));
                }
            })
            .AddHttpMessageHandler(sp => new ApiKeyHeaderHandler(Security(sp).ApiKey));
    }

    /// <summary>
    /// The channel settings <see cref="AddSummariesGrpcClient"/> applies for <paramref name="address"/>,
    /// with TLS for <c>dns:</c> addresses when <c>Clients:Tls:Enabled</c> says so.
    /// </summary>
    public static void ApplyChannelDefaults(GrpcChannelOptions channel, Uri address, SummariesGrpcClientOptions options, ClientSecurityOptions security)
    {
        ArgumentNullException.ThrowIfNull(security);
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(options);

        channel.MaxReceiveMessageSize = options.MaxReceiveMessageSize;
        var config = new ServiceConfig();
        if (options.RetryUnavailable)
        {
            config.MethodConfigs.Add(new MethodConfig
            {
                Names = { MethodName.Default },
                RetryPolicy = new RetryPolicy
                {
                    MaxAttempts = 3,
                    InitialBackoff = TimeSpan.FromMilliseconds(200),
                    MaxBackoff = TimeSpan.FromSeconds(2),
                    BackoffMultiplier = 2,
                    RetryableStatusCodes = { StatusCode.Unavailable },
                },
            });
        }

        if (GrpcAddress.UsesResolver(address))
        {
            config.LoadBalancingConfigs.Add(new RoundRobinConfig());
            // A dns: address carries no http/https, so the channel is told the transport here: h2c
            // (the default, or TLS terminated by a mesh sidecar) unless Clients:Tls:Enabled.
            channel.Credentials = ClientTransport.UsesTls(address, security.Tls) ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure;
        }

        channel.ServiceConfig = config;
    }

    // Bound by AddServiceDefaults; a container without it (a bare test registration) gets the defaults: no key, no TLS settings.
    private static ClientSecurityOptions Security(IServiceProvider services) =>
        services.GetService<IOptions<ClientSecurityOptions>>()?.Value ?? new ClientSecurityOptions();
}
