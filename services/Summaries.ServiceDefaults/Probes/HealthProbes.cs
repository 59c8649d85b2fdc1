namespace Summaries.ServiceDefaults.Probes;

/// <summary>
/// What the standard gRPC health service (<c>grpc.health.v1.Health</c>) answers for each name:
/// readiness (the service's own name, and "") runs every check, the store's included, so a pod whose
/// store cannot answer leaves the load balancer; liveness (<see cref="Liveness"/>) runs only the checks
/// tagged <see cref="LiveTag"/>, so an outage of the shared database does not restart every pod.
/// </summary>
public static class HealthProbes
{
    /// <summary>The health service name the startup and liveness probes ask about.</summary>
    public const string Liveness = "liveness";

    /// <summary>Checks that liveness runs too: the process itself, never a dependency.</summary>
    public const string LiveTag = "live";

    /// <summary>Checks only readiness runs: the store.</summary>
    public const string ReadyTag = "ready";
}
