using System.Net;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Summaries.ServiceDefaults.Errors;
using Summaries.ServiceDefaults.Probes;
using Summaries.ServiceDefaults.Reflection;
using Summaries.ServiceDefaults.Security;
using Summaries.ServiceDefaults.Security.Tls;
using Summaries.ServiceDefaults.Telemetry;

namespace Summaries.ServiceDefaults.Hosting;

/// <summary>The registrations every Summaries service starts with.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// Kestrel on the configured port (h2c, or HTTP/2 over TLS when <c>Service:Tls</c> names a
    /// certificate), gRPC with error mapping and the configured message sizes, reflection, the
    /// standard health service (readiness as <paramref name="grpcServiceName"/> and "", liveness as
    /// <see cref="HealthProbes.Liveness"/>), API keys and
    /// rate limits when configured, and OpenTelemetry.
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(
        this WebApplicationBuilder builder, string grpcServiceName, int defaultPort)
    {
        builder.Services.AddOptions<ServiceHostOptions>()
            .Configure(o => o.Port = defaultPort)
            .Bind(builder.Configuration.GetSection(ServiceHostOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.AddServiceSecurity();

        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var options = new ServiceHostOptions { Port = defaultPort };
            context.Configuration.GetSection(ServiceHostOptions.SectionName).Bind(options);
            var tls = kestrel.ApplicationServices.GetRequiredService<IOptions<ServerTlsOptions>>().Value;
            var time = kestrel.ApplicationServices.GetRequiredService<TimeProvider>();
            var logger = kestrel.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServerTls));
            Action<ListenOptions> endpoint = listen => ServerTls.Apply(listen, tls, time, logger);
            if (options.Host is "*" or "0.0.0.0")
            {
                kestrel.ListenAnyIP(options.Port, endpoint);
            }
            else if (options.Host == "localhost")
            {
                kestrel.Listen(IPAddress.Loopback, options.Port, endpoint);
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(options.Host), options.Port, endpoint);
            }
        });

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddGrpc(o =>
        {
            o.Interceptors.Add<ExceptionMappingInterceptor>();
            o.EnableDetailedErrors = builder.Environment.IsDevelopment();
        });
        builder.Services.AddOptions<GrpcServiceOptions>().Configure<IOptions<ServiceHostOptions>>((grpc, host) =>
        {
            grpc.MaxReceiveMessageSize = host.Value.MaxReceiveMessageSize;
            grpc.MaxSendMessageSize = host.Value.MaxSendMessageSize;
        });
        builder.Services.AddCommentedGrpcReflection(grpcServiceName);
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), tags: [HealthProbes.LiveTag]);
        builder.Services.AddGrpcHealthChecks(o =>
        {
            // Readiness: every check, the store's (AddStoreReadiness) included. Liveness: the process only.
            o.Services.Map("", _ => true);
            o.Services.Map(grpcServiceName, _ => true);
            o.Services.Map(HealthProbes.Liveness, r => r.Tags.Contains(HealthProbes.LiveTag));
        });

        builder.AddSummariesTelemetry();
        return builder;
    }

    /// <summary>
    /// Maps reflection and health next to the service's own endpoints, and puts API-key checks and
    /// rate limits (when configured) in front of all of them.
    /// </summary>
    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.UseServiceSecurity();
        app.MapGrpcReflectionService();
        app.MapGrpcHealthChecksService();
        return app;
    }

    /// <summary>Resolves validated options at start so a bad configuration fails fast.</summary>
    public static T GetValidatedOptions<T>(this IServiceProvider services)
        where T : class => services.GetRequiredService<IOptions<T>>().Value;
}
