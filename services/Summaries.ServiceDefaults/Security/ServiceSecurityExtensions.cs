using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Summaries.ServiceDefaults.Clients;
using Summaries.ServiceDefaults.Security.Auth;
using Summaries.ServiceDefaults.Security.RateLimiting;
using Summaries.ServiceDefaults.Security.Tls;

namespace Summaries.ServiceDefaults.Security;

/// <summary>
/// TLS, API keys and rate limits, each off unless configured: with no configuration a service
/// serves cleartext h2c to anyone, as before.
/// </summary>
public static partial class ServiceSecurityExtensions
{
    public static WebApplicationBuilder AddServiceSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ServerTlsOptions>().BindConfiguration(ServerTlsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ClientSecurityOptions>().BindConfiguration(ClientSecurityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        var meterName = builder.Environment.ApplicationName;
        services.AddSingleton(sp => new RateLimitTelemetry(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), meterName));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, RateLimitTelemetry, ILoggerFactory>(
            (limiter, limits, telemetry, loggers) =>
                RateLimiterSetup.Configure(limiter, limits.Value, telemetry, loggers.CreateLogger(typeof(RateLimiterSetup))));
        return builder;
    }

    /// <summary>
    /// Authentication, then rate limiting (so limits can go by key id), ahead of every endpoint.
    /// Resolving the options here makes a bad setting stop the service before it listens.
    /// </summary>
    public static WebApplication UseServiceSecurity(this WebApplication app)
    {
        var tls = app.Services.GetRequiredService<IOptions<ServerTlsOptions>>().Value;
        var auth = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        var limits = app.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var clients = app.Services.GetRequiredService<IOptions<ClientSecurityOptions>>().Value;

        LogPosture(app.Logger,
            tls.IsEnabled ? (tls.RequireClientCertificate ? "on, client certificates required" : tls.ClientCaPath is null ? "on" : "on, client certificates checked when sent") : "off (h2c)",
            auth.Enabled ? $"on, keys: {string.Join(", ", auth.Keys.Select(k => k.Id))}{(auth.AcceptClientCertificates ? " and client certificates" : string.Empty)}; anonymous: {Describe(auth.EffectiveAnonymousServices)}; grants: {DescribeGrants(auth)}" : "off",
            limits.Enabled ? $"{limits.Algorithm} {limits.PermitLimit} per {limits.Window} per client; exempt: {Describe(limits.EffectiveExemptServices)}" : "off",
            string.IsNullOrEmpty(clients.ApiKey) ? "none" : "configured");

        if (auth.Enabled)
        {
            app.UseMiddleware<ApiKeyAuthenticationMiddleware>();
            app.UseMiddleware<MethodAuthorizationMiddleware>();
        }

        if (limits.Enabled)
        {
            app.UseRateLimiter();
        }

        return app;
    }

    private static string DescribeGrants(AuthOptions auth) =>
        string.Join("; ", auth.Keys.Select(k => k.Id.Trim()).Concat(auth.Grants.Keys).Distinct(StringComparer.Ordinal)
            .Select(id => $"{id} {(auth.Grants.TryGetValue(id, out var configured) ? string.Join(", ", configured) : "default " + string.Join(", ", DefaultGrants.ById[id]))}"));

    private static string Describe(IReadOnlySet<string> services) => services.Count == 0 ? "none" : string.Join(", ", services);

    [LoggerMessage(Level = LogLevel.Information, Message = "Security: TLS {Tls}; API keys {Auth}; rate limits {RateLimits}; outgoing API key {ClientKey}")]
    private static partial void LogPosture(ILogger logger, string tls, string auth, string rateLimits, string clientKey);
}
