using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Microsoft.Extensions.DependencyInjection;
using Summaries.ServiceDefaults.Clients;

namespace Summaries.Deploy.Tests.LoadBalancing;

/// <summary>
/// A client registered with AddSummariesGrpcClient and a dns:/// address spreads its calls over every
/// address the name resolves to. Three real h2c servers listen on 127.0.0.1, .2 and .3 (one port, like
/// pod IPs behind a headless Service); only the name lookup is a table (<see cref="HeadlessServiceDns"/>),
/// because no test machine's DNS returns three addresses for one name.
/// </summary>
public sealed class RoundRobinTests : IAsyncLifetime
{
    private const string Headless = "entity-headless.summaries.svc.cluster.local";
    private readonly List<CountingServer> servers = [];

    public async Task InitializeAsync()
    {
        try
        {
            // Same port on three loopback addresses: exactly a headless Service's shape.
            var first = await CountingServer.StartAsync(IPAddress.Loopback, 0);
            servers.Add(first);
            foreach (var last in new byte[] { 2, 3 })
            {
                servers.Add(await CountingServer.StartAsync(new IPAddress([127, 0, 0, last]), first.Endpoint.Port));
            }
        }
        catch (IOException)
        {
            // 127.0.0.2/.3 are not configured (macOS): fall back to three ports on 127.0.0.1.
            await DisposeAsync();
            servers.Clear();
            for (var i = 0; i < 3; i++)
            {
                servers.Add(await CountingServer.StartAsync(IPAddress.Loopback, 0));
            }
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var server in servers)
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Calls_DnsAddressWithThreeRecords_EveryServerGetsAnEqualShare()
    {
        var dns = Dns();
        await using var provider = Client(dns, $"dns:///{Headless}:{servers[0].Endpoint.Port}");
        var client = provider.GetRequiredService<Health.HealthClient>();

        await WarmUpAsync(client);
        var shares = await CallAsync(client, 30);

        Assert.True(dns.Resolutions > 0, "the channel did not resolve through the dns scheme");
        Assert.True(shares.All(n => n is >= 8 and <= 12), $"calls per server: {string.Join(", ", servers.Select(s => $"{s.Endpoint}={s.Calls}"))}");
        Assert.Equal(30, shares.Sum());
    }

    [Fact]
    public async Task Calls_PickFirstOverTheSameRecords_OneServerGetsEverything()
    {
        // The control: the same three addresses without the round_robin config (what a plain channel does)
        // put every call on one connection. This is why the registration sets round_robin.
        var dns = Dns();
        var services = new ServiceCollection().AddSingleton<ResolverFactory>(dns).BuildServiceProvider();
        using var channel = GrpcChannel.ForAddress($"dns:///{Headless}:{servers[0].Endpoint.Port}", new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Insecure,
            ServiceProvider = services,
        });
        var client = new Health.HealthClient(channel);

        await channel.ConnectAsync();
        var shares = await CallAsync(client, 30);

        Assert.Equal(30, shares.Max());
    }

    [Fact]
    public async Task Calls_HttpAddress_StillServedOverOneConnection()
    {
        // What local runs and the AppHost use: unchanged behaviour, one address.
        var first = servers[0].Endpoint;
        await using var provider = Client(Dns(), $"http://{first.Address}:{first.Port}");
        var client = provider.GetRequiredService<Health.HealthClient>();

        var shares = await CallAsync(client, 5);

        Assert.Equal(5, shares[0]);
    }

    [Fact]
    public async Task Calls_RealDnsResolver_ReachesEveryAddressOfLocalhost()
    {
        // No table here: the production "dns" resolver looks localhost up. Every address it returns gets
        // a server; on this machine that may be just 127.0.0.1, so this proves the path, not the spread.
        var addresses = (await System.Net.Dns.GetHostAddressesAsync("localhost"))
            .Where(a => a.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6).Distinct().ToList();
        var port = servers[0].Endpoint.Port;
        await using var local = new AsyncDisposables();
        var targets = new List<CountingServer>();
        foreach (var address in addresses)
        {
            var existing = servers.FirstOrDefault(s => s.Endpoint.Address.Equals(address) && s.Endpoint.Port == port);
            targets.Add(existing ?? local.Add(await CountingServer.StartAsync(address, port)));
        }

        var services = new ServiceCollection();
        services.AddSummariesGrpcClient<Health.HealthClient>(_ => $"dns:///localhost:{port}");
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<Health.HealthClient>();

        await WarmUpAsync(client, targets);
        targets.ForEach(t => t.ResetCalls());
        servers.ForEach(s => s.ResetCalls());
        for (var i = 0; i < 10 * targets.Count; i++)
        {
            await client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5));
        }

        Assert.All(targets, t => Assert.True(t.Calls > 0, $"{t.Endpoint} got no calls"));
        Assert.Single(provider.GetServices<ResolverFactory>().OfType<RefreshingDnsResolverFactory>());
    }

    private HeadlessServiceDns Dns() => new(new Dictionary<string, IReadOnlyList<BalancerAddress>>
    {
        [Headless] = servers.Select(s => new BalancerAddress(s.Endpoint.Address.ToString(), s.Endpoint.Port)).ToList(),
    });

    /// <summary>The production registration; the test's resolver is registered first and so answers "dns".</summary>
    private static ServiceProvider Client(HeadlessServiceDns dns, string address)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ResolverFactory>(dns);
        services.AddSummariesGrpcClient<Health.HealthClient>(_ => address);
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// round_robin only picks READY connections and connects in the background: call until every server
    /// has answered once, or give up after 10 s and let the assertions show where the calls went.
    /// </summary>
    private async Task WarmUpAsync(Health.HealthClient client, IReadOnlyList<CountingServer>? targets = null)
    {
        targets ??= servers;
        var until = DateTime.UtcNow.AddSeconds(10);
        while (targets.Any(s => s.Calls == 0) && DateTime.UtcNow < until)
        {
            await client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5));
            await Task.Delay(20);
        }
    }

    private async Task<int[]> CallAsync(Health.HealthClient client, int count)
    {
        foreach (var server in servers)
        {
            server.ResetCalls();
        }

        for (var i = 0; i < count; i++)
        {
            // Any answer will do (the status stays UNKNOWN until the health publisher first runs).
            await client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5));
        }

        return servers.Select(s => s.Calls).ToArray();
    }

    private sealed class AsyncDisposables : IAsyncDisposable
    {
        private readonly List<IAsyncDisposable> items = [];

        public T Add<T>(T item)
            where T : IAsyncDisposable
        {
            items.Add(item);
            return item;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var item in items)
            {
                await item.DisposeAsync();
            }
        }
    }
}
