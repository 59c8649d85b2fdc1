using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Summaries.ServiceDefaults.Clients;

namespace Summaries.Deploy.Tests.LoadBalancing;

/// <summary>What the production registration puts on the channel, read back from the client factory's options.</summary>
public sealed class ChannelConfigurationTests
{
    [Fact]
    public void Register_DnsAddress_RoundRobinInsecureAndRetries()
    {
        var channel = ChannelOptionsFor("dns:///entity-headless.summaries.svc.cluster.local:5102");

        Assert.IsType<RoundRobinConfig>(Assert.Single(channel.ServiceConfig!.LoadBalancingConfigs));
        Assert.Same(ChannelCredentials.Insecure, channel.Credentials);
        var retry = Assert.Single(channel.ServiceConfig.MethodConfigs).RetryPolicy!;
        Assert.Equal(3, retry.MaxAttempts);
        Assert.Equal([StatusCode.Unavailable], retry.RetryableStatusCodes);
    }

    [Fact]
    public void Register_StaticReplicaList_RoundRobinInsecureAndRetries()
    {
        var channel = ChannelOptionsFor("static:///127.0.0.1:5102,127.0.0.1:5202");

        Assert.IsType<RoundRobinConfig>(Assert.Single(channel.ServiceConfig!.LoadBalancingConfigs));
        Assert.Same(ChannelCredentials.Insecure, channel.Credentials);
        Assert.Equal("127.0.0.1", ClientTransport.ExpectedHost(new Uri("static:///127.0.0.1:5102,127.0.0.1:5202")));
    }

    [Fact]
    public void Register_HttpAddress_NoBalancerAndNoCredentialsOverride()
    {
        var channel = ChannelOptionsFor("http://localhost:5102");

        Assert.Empty(channel.ServiceConfig!.LoadBalancingConfigs);
        Assert.Null(channel.Credentials);
        Assert.NotNull(Assert.Single(channel.ServiceConfig.MethodConfigs).RetryPolicy);
        Assert.Equal(16 * 1024 * 1024, channel.MaxReceiveMessageSize);
    }

    [Fact]
    public void Register_WithoutRetries_KeepsRoundRobinAndTheLargerMessageLimit()
    {
        // The ingestion service's entity client: its own retry worker, 64 MiB annotations.
        var channel = ChannelOptionsFor("dns:///entity-headless.summaries.svc.cluster.local:5102", o =>
        {
            o.RetryUnavailable = false;
            o.MaxReceiveMessageSize = 64 * 1024 * 1024;
        });

        Assert.Empty(channel.ServiceConfig!.MethodConfigs);
        Assert.IsType<RoundRobinConfig>(Assert.Single(channel.ServiceConfig.LoadBalancingConfigs));
        Assert.Equal(64 * 1024 * 1024, channel.MaxReceiveMessageSize);
    }

    [Fact]
    public void Register_AnyAddress_RegistersThePeriodicDnsAndTheStaticResolverOnce()
    {
        var services = new ServiceCollection();
        services.AddSummariesGrpcClient<Health.HealthClient>(_ => "dns:///a.b.svc.cluster.local:1");
        services.AddSummariesGrpcClient<Health.HealthClient>(_ => "dns:///c.d.svc.cluster.local:2");
        using var provider = services.BuildServiceProvider();

        var resolvers = provider.GetServices<Grpc.Net.Client.Balancer.ResolverFactory>().Select(r => r.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["dns", "static"], resolvers);
        Assert.Equal(TimeSpan.FromSeconds(15), RefreshingDnsResolverFactory.RefreshInterval);
    }

    [Theory]
    [InlineData("http://localhost:5102", true)]
    [InlineData("https://entity.example.com", true)]
    [InlineData("dns:///entity-headless.summaries.svc.cluster.local:5102", true)]
    [InlineData("dns:///entity-headless:5102", true)]
    [InlineData("dns:///entity-headless", false)]
    [InlineData("static:///127.0.0.1:5102,127.0.0.1:5202", true)]
    [InlineData("static:///10.0.0.7:5102", true)]
    [InlineData("static:///127.0.0.1:5102,127.0.0.1", false)]
    [InlineData("static:///", false)]
    [InlineData("dns:///", false)]
    [InlineData("entity:5102", false)]
    [InlineData("ftp://entity:5102", false)]
    [InlineData("", false)]
    public void GrpcAddress_Value_IsValidOnlyForHttpHttpsOrDnsOrStaticWithPorts(string address, bool valid)
    {
        Assert.Equal(valid, GrpcAddress.IsValid(address));
        Assert.Equal(valid, new GrpcAddressAttribute().IsValid(address));
    }

    private static GrpcChannelOptions ChannelOptionsFor(string address, Action<SummariesGrpcClientOptions>? configure = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddSummariesGrpcClient<Health.HealthClient>(_ => address, configure);
        using var provider = services.BuildServiceProvider();
        var factoryOptions = provider.GetRequiredService<IOptionsMonitor<GrpcClientFactoryOptions>>().Get(builder.Name);
        var channel = new GrpcChannelOptions { ServiceProvider = provider };
        foreach (var action in factoryOptions.ChannelOptionsActions)
        {
            action(channel);
        }

        Assert.Equal(new Uri(address), factoryOptions.Address);
        return channel;
    }
}
