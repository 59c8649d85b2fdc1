using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Summaries.ServiceDefaults.Errors;
using Summaries.ServiceDefaults.Reflection;
using Summaries.ServiceDefaults.Telemetry;

namespace Summaries.ServiceDefaults.Hosting;

/// <summary>The registrations every Summaries service starts with.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// Kestrel h2c on the configured port, gRPC with error mapping, reflection, the standard health
    /// service (reporting <paramref name="grpcServiceName"/> and ""), and OpenTelemetry.
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(
        this WebApplicationBuilder builder, string grpcServiceName, int defaultPort)
    {
        builder.Services.AddOptions<ServiceHostOptions>()
            .Configure(o => o.Port = defaultPort)
            .Bind(builder.Configuration.GetSection(ServiceHostOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var options = new ServiceHostOptions { Port = defaultPort };
            context.Configuration.GetSection(ServiceHostOptions.SectionName).Bind(options);
            // Cleartext gRPC needs HTTP/2 only: without prior knowledge there is no TLS ALPN to negotiate it.
            Action<ListenOptions> h2c = listen => listen.Protocols = HttpProtocols.Http2;
            if (options.Host is "*" or "0.0.0.0")
            {
                kestrel.ListenAnyIP(options.Port, h2c);
            }
            else if (options.Host == "localhost")
            {
                kestrel.Listen(IPAddress.Loopback, options.Port, h2c);
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(options.Host), options.Port, h2c);
            }
        });

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddGrpc(o =>
        {
            o.Interceptors.Add<ExceptionMappingInterceptor>();
            o.EnableDetailedErrors = builder.Environment.IsDevelopment();
            o.MaxReceiveMessageSize = 16 * 1024 * 1024;
        });
        builder.Services.AddCommentedGrpcReflection(grpcServiceName);
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), tags: ["live"]);
        builder.Services.AddGrpcHealthChecks(o =>
        {
            o.Services.Map("", _ => true);
            o.Services.Map(grpcServiceName, _ => true);
        });

        builder.AddSummariesTelemetry();
        return builder;
    }

    /// <summary>Maps reflection and health next to the service's own endpoints.</summary>
    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.MapGrpcReflectionService();
        app.MapGrpcHealthChecksService();
        return app;
    }

    /// <summary>Resolves validated options at start so a bad configuration fails fast.</summary>
    public static T GetValidatedOptions<T>(this IServiceProvider services)
        where T : class => services.GetRequiredService<IOptions<T>>().Value;
}
