using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Summaries.ServiceDefaults.Hosting;

namespace Summaries.ServiceDefaults.Tests.Infrastructure;

/// <summary>
/// The service defaults alone (health, reflection, security) on a real Kestrel loopback port, set up
/// from the given configuration exactly as a service's Program.cs does.
/// </summary>
public sealed class DefaultsHost : IAsyncDisposable
{
    /// <summary>A service the embedded descriptor set knows; reflection serves it, nothing implements it.</summary>
    public const string ServiceName = "summaries.entity.v1.EntityService";

    private DefaultsHost(WebApplication app, int port)
    {
        App = app;
        Port = port;
    }

    public WebApplication App { get; }

    public int Port { get; }

    public IServiceProvider Services => App.Services;

    /// <param name="services">Registrations added after the defaults (a store check, say).</param>
    /// <param name="map">Endpoints mapped besides the defaults (<see cref="ScriptedServices"/>, say).</param>
    public static WebApplication Build(
        IDictionary<string, string?> settings, int port,
        Action<WebApplicationBuilder>? services = null, Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["Service:Host"] = "localhost",
        });
        builder.Logging.ClearProviders();
        builder.AddServiceDefaults(ServiceName, port);
        services?.Invoke(builder);
        var app = builder.Build();
        map?.Invoke(app);
        app.MapServiceDefaults();
        return app;
    }

    public static async Task<DefaultsHost> StartAsync(
        IDictionary<string, string?> settings, Action<WebApplicationBuilder>? services = null, Action<WebApplication>? map = null)
    {
        var port = FreePort.Next();
        var app = Build(settings, port, services, map);
        await app.StartAsync();
        return new DefaultsHost(app, port);
    }

    public GrpcChannel Channel(string scheme = "http") => GrpcChannel.ForAddress($"{scheme}://127.0.0.1:{Port}");

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
