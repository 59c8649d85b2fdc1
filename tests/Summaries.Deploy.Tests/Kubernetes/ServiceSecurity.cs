using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Summaries.ServiceDefaults.Security.Auth;
using Summaries.ServiceDefaults.Security.RateLimiting;

namespace Summaries.Deploy.Tests.Kubernetes;

/// <summary>One <c>Auth__Keys__N</c> entry: its id, and where its key comes from.</summary>
public sealed record AcceptedKey(int Index, string? Id, SecretRef? Secret, bool Literal, bool OtherSource);

/// <summary>
/// A workload's security settings as its container reads them: API keys accepted and sent, rate
/// limits, TLS served and used. The options are bound with the services' own classes, so defaults
/// (anonymous health, exempt health) are the ones the services apply.
/// </summary>
public sealed partial class ServiceSecurity
{
    private ServiceSecurity(Workload workload, JsonObject container, ContainerEnvironment env)
    {
        Workload = workload;
        Container = container;
        Env = env;
        var configuration = env.ToConfiguration();
        Auth = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        Limits = configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new RateLimitOptions();
    }

    public Workload Workload { get; }

    public JsonObject Container { get; }

    public ContainerEnvironment Env { get; }

    /// <summary>Bound from the literal environment only (keys from Secrets are absent here).</summary>
    public AuthOptions Auth { get; }

    public RateLimitOptions Limits { get; }

    public string App => Workload.App;

    public IReadOnlyList<AcceptedKey> Keys =>
        Env.Literals.Keys.Concat(Env.FromSources.Keys)
            .Select(k => KeyVariable().Match(k)).Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Distinct().Order()
            .Select(i => new AcceptedKey(
                i,
                Env.Literals.GetValueOrDefault($"Auth__Keys__{i}__Id"),
                Env.SecretRefOf($"Auth__Keys__{i}__Key"),
                Env.Literals.ContainsKey($"Auth__Keys__{i}__Key"),
                Env.FromSources.ContainsKey($"Auth__Keys__{i}__Key") && Env.SecretRefOf($"Auth__Keys__{i}__Key") is null))
            .ToList();

    /// <summary>The key sent to the other services, when it comes from a Secret.</summary>
    public SecretRef? SendsKey => Env.SecretRefOf("Clients__ApiKey");

    public bool SendsAnyKey => SendsKey is not null || !string.IsNullOrEmpty(Env.Literals.GetValueOrDefault("Clients__ApiKey"));

    public bool ServesTls => !string.IsNullOrWhiteSpace(Env.Literals.GetValueOrDefault("Service__Tls__CertificatePath"));

    public bool RequiresClientCertificate => IsTrue("Service__Tls__RequireClientCertificate");

    /// <summary>Whether its dns:/// clients connect with TLS.</summary>
    public bool CallsWithTls => IsTrue("Clients__Tls__Enabled");

    public bool HasClientCertificate => !string.IsNullOrWhiteSpace(Env.Literals.GetValueOrDefault("Clients__Tls__CertificatePath"));

    /// <summary>Whether the kubelet calls grpc.health.v1.Health itself (native gRPC probes).</summary>
    public bool HasGrpcProbes => new[] { "startupProbe", "readinessProbe", "livenessProbe" }.Any(p => Container.At(p, "grpc") is not null);

    public static IReadOnlyList<ServiceSecurity> All(IReadOnlyList<JsonObject> objects, IReadOnlyList<Workload> workloads) =>
        workloads.SelectMany(w => w.Containers.Select(c => new ServiceSecurity(w, c, ContainerEnvironment.Of(c, w.Namespace, objects)))).ToList();

    private bool IsTrue(string variable) =>
        bool.TryParse(Env.Literals.GetValueOrDefault(variable), out var value) && value;

    [GeneratedRegex(@"^Auth__Keys__(\d+)__(Id|Key)$")]
    private static partial Regex KeyVariable();
}
