using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Summaries.ServiceDefaults.Probes;

/// <summary>The one line each service's composition root adds so readiness follows its store.</summary>
public static class StoreReadinessExtensions
{
    /// <summary>
    /// Readiness (the service's name and "" on the gRPC health service) turns NOT_SERVING while the
    /// store named by <paramref name="connectionString"/> does not answer; liveness is unaffected.
    /// </summary>
    public static IServiceCollection AddStoreReadiness(this IServiceCollection services, Func<IServiceProvider, string> connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        services.AddOptions<StoreReadinessOptions>().BindConfiguration(StoreReadinessOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new StoreReadinessCheck(
            connectionString(sp), sp.GetRequiredService<IOptions<StoreReadinessOptions>>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetRequiredService<ILogger<StoreReadinessCheck>>()));
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            "store", sp => sp.GetRequiredService<StoreReadinessCheck>(), HealthStatus.Unhealthy, [HealthProbes.ReadyTag]));
        return services;
    }
}
