using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Summaries.Deploy.Tests.Kubernetes;

/// <summary>Per-container rules: gRPC probes (TCP where the port serves TLS), non-root hardening, requests/limits, pinned images, env references.</summary>
public static partial class ContainerRules
{
    public static IEnumerable<Violation> Check(Workload workload, PolicyExpectations expected, IReadOnlyList<JsonObject> objects)
    {
        var podSecurity = workload.PodSpec.At("securityContext");
        foreach (var container in workload.Containers)
        {
            var id = $"Deployment/{workload.Name} container {container.Str("name")}";
            var env = ContainerEnvironment.Of(container, workload.Namespace, objects);
            var servesTls = !string.IsNullOrWhiteSpace(env.Literals.GetValueOrDefault("Service__Tls__CertificatePath"));
            var probes = servesTls ? TcpProbes(container, workload) : Probes(container, workload, expected);
            foreach (var v in probes.Concat(Security(container, podSecurity))
                         .Concat(Resources(container)).Concat(Image(container)).Concat(EnvReferences(container)))
            {
                yield return v with { Object = id };
            }
        }
    }

    private static IEnumerable<Violation> Probes(JsonObject container, Workload workload, PolicyExpectations expected)
    {
        expected.GrpcServiceByApp.TryGetValue(workload.App, out var service);
        foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
        {
            var grpc = container.At(probe, "grpc");
            if (grpc is null)
            {
                yield return new Violation("probes", "", $"{probe} missing or not a native grpc probe");
                continue;
            }

            var port = grpc.Int("port");
            if (port is null || workload.ResolvePort(port.Value) is null)
            {
                yield return new Violation("probes", "", $"{probe} port {port} is not a container port");
            }

            // Readiness follows the store (the service's own name); startup and liveness only the process.
            var wanted = probe == "readinessProbe" ? service : Summaries.ServiceDefaults.Probes.HealthProbes.Liveness;
            var named = grpc.Str("service");
            if (wanted is not null && named != wanted)
            {
                yield return new Violation("probes", "", $"{probe} checks service \"{named}\", expected \"{wanted}\"");
            }
        }
    }

    /// <summary>
    /// A port that serves TLS: the kubelet's gRPC probes speak cleartext only and would never pass, so
    /// the probes open a TCP connection to the port instead (the images have no shell for exec probes).
    /// </summary>
    private static IEnumerable<Violation> TcpProbes(JsonObject container, Workload workload)
    {
        foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
        {
            if (container.At(probe, "grpc") is not null)
            {
                yield return new Violation("probes", "",
                    $"{probe} is a gRPC probe, but the port serves TLS (Service__Tls__CertificatePath): it can never pass; use tcpSocket");
            }
            else if (container.At(probe, "tcpSocket") is not { } tcp)
            {
                yield return new Violation("probes", "", $"{probe} missing or not a tcpSocket probe (the port serves TLS)");
            }
            else if (workload.ResolvePort(tcp.At("port")) is null)
            {
                yield return new Violation("probes", "", $"{probe} port {tcp.At("port")?.ToJsonString()} is not a container port");
            }
        }
    }

    private static IEnumerable<Violation> Security(JsonObject container, JsonNode? pod)
    {
        var own = container.At("securityContext");
        bool? Either(params string[] path) => own.Bool(path) ?? pod.Bool(path);

        if (Either("runAsNonRoot") != true)
        {
            yield return new Violation("non-root", "", "runAsNonRoot is not true");
        }

        var uid = own.Int("runAsUser") ?? pod.Int("runAsUser");
        if (uid is null or 0)
        {
            yield return new Violation("non-root", "", $"runAsUser is {uid?.ToString() ?? "unset"}; use the image's non-root UID (1654)");
        }

        if (own.Bool("allowPrivilegeEscalation") != false)
        {
            yield return new Violation("non-root", "", "allowPrivilegeEscalation is not false");
        }

        if (own.Bool("privileged") == true)
        {
            yield return new Violation("non-root", "", "privileged");
        }

        if (own.Bool("readOnlyRootFilesystem") != true)
        {
            yield return new Violation("non-root", "", "readOnlyRootFilesystem is not true");
        }

        if (!own.Strings("capabilities", "drop").Contains("ALL") || own.Strings("capabilities", "add").Count > 0)
        {
            yield return new Violation("non-root", "", "capabilities must drop ALL and add none");
        }

        if ((own.Str("seccompProfile", "type") ?? pod.Str("seccompProfile", "type")) is not ("RuntimeDefault" or "Localhost"))
        {
            yield return new Violation("non-root", "", "seccompProfile is not RuntimeDefault");
        }
    }

    private static IEnumerable<Violation> Resources(JsonObject container)
    {
        foreach (var kind in new[] { "requests", "limits" })
        {
            foreach (var resource in new[] { "cpu", "memory" })
            {
                if (!JsonPaths.IsQuantity(container.Str("resources", kind, resource)))
                {
                    yield return new Violation("resources", "", $"resources.{kind}.{resource} not set");
                }
            }
        }
    }

    private static IEnumerable<Violation> Image(JsonObject container)
    {
        var image = container.Str("image") ?? string.Empty;
        var match = ImageReference().Match(image);
        if (!match.Success)
        {
            yield return new Violation("image-tag", "", $"image \"{image}\" is not a valid reference");
            yield break;
        }

        var tag = match.Groups["tag"].Value;
        var digest = match.Groups["digest"].Value;
        if (digest.Length == 0 && (tag.Length == 0 || tag == "latest"))
        {
            yield return new Violation("image-tag", "", $"image \"{image}\" is not pinned (no tag, or :latest)");
        }
    }

    /// <summary>Kubernetes only expands $(VAR) from variables defined earlier in the same env list.</summary>
    private static IEnumerable<Violation> EnvReferences(JsonObject container)
    {
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var env in container.Items("env"))
        {
            foreach (Match reference in EnvReference().Matches(env.Str("value") ?? string.Empty))
            {
                if (!defined.Contains(reference.Groups[1].Value))
                {
                    yield return new Violation("env-refs", "", $"{env.Str("name")} uses $({reference.Groups[1].Value}) before it is defined");
                }
            }

            defined.Add(env.Str("name") ?? string.Empty);
        }
    }

    // [registry[:port]/]path[:tag][@sha256:digest]; the tag's ':' comes after the last '/'.
    [GeneratedRegex(@"^(?<name>(?:[a-z0-9.\-]+(?::[0-9]+)?/)?[a-z0-9._\-/]+?)(?::(?<tag>[A-Za-z0-9_][A-Za-z0-9_.\-]{0,127}))?(?:@(?<digest>sha256:[a-f0-9]{64}))?$")]
    private static partial Regex ImageReference();

    [GeneratedRegex(@"(?<!\$)\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex EnvReference();
}
