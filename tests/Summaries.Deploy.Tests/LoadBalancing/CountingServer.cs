using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Summaries.Deploy.Tests.LoadBalancing;

/// <summary>
/// A real Kestrel gRPC server (h2c, like every Summaries pod) serving grpc.health.v1.Health on one
/// address, counting the calls it receives. Several of them stand in for the pods behind a headless Service.
/// </summary>
public sealed class CountingServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private int calls;

    private CountingServer(WebApplication app, IPEndPoint endpoint)
    {
        this.app = app;
        Endpoint = endpoint;
    }

    public IPEndPoint Endpoint { get; }

    public int Calls => Volatile.Read(ref calls);

    public void ResetCalls() => Interlocked.Exchange(ref calls, 0);

    public static async Task<CountingServer> StartAsync(IPAddress address, int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(address, port, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddGrpcHealthChecks();
        var app = builder.Build();
        CountingServer? server = null;
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref server!.calls);
            await next(context);
        });
        app.MapGrpcHealthChecksService();
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Select(u => new Uri(u).Port).First();
        server = new CountingServer(app, new IPEndPoint(address, bound));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
