using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Summaries.Deploy.Tests.Kubernetes;

/// <summary>
/// In-process TLS: certificate and key files mounted read-only from Secrets, callers that speak TLS
/// exactly to the services that serve it (with a client certificate where one is required), and no
/// Service that announces cleartext HTTP/2 in front of a TLS port.
/// </summary>
public static partial class TlsRules
{
    public const string H2c = "kubernetes.io/h2c";

    public static IEnumerable<Violation> Check(IReadOnlyList<JsonObject> objects, IReadOnlyList<ServiceSecurity> services, PolicyExpectations expected)
    {
        foreach (var service in services)
        {
            foreach (var message in Files(service))
            {
                yield return new Violation("tls", $"Deployment/{service.Workload.Name} container {service.Container.Str("name")}", message);
            }
        }

        foreach (var (from, to) in expected.CallGraph)
        {
            foreach (var caller in services.Where(s => s.App == from))
            {
                var callee = services.FirstOrDefault(s => s.App == to && s.Workload.Namespace == caller.Workload.Namespace);
                if (callee is not null && Call(caller, callee) is { } message)
                {
                    yield return new Violation("tls", $"Deployment/{caller.Workload.Name}", message);
                }
            }
        }

        foreach (var service in objects.Where(o => o.Kind() == "Service"))
        {
            var tls = services.Any(s => s.ServesTls && s.Workload.Namespace == service.Namespace()
                                        && LabelSelector.MatchesMap(service.Map("spec", "selector"), s.Workload.PodLabels));
            if (tls && service.Items("spec", "ports").Any(p => p.Str("appProtocol") == H2c))
            {
                yield return new Violation("tls", service.Id(), $"appProtocol {H2c} in front of a port that serves TLS");
            }
        }
    }

    private static string? Call(ServiceSecurity caller, ServiceSecurity callee)
    {
        if (callee.ServesTls && !caller.CallsWithTls)
        {
            return $"calls {callee.App} in cleartext (h2c), but {callee.App} serves TLS only: set Clients__Tls__Enabled=true";
        }

        if (!callee.ServesTls && caller.CallsWithTls)
        {
            return $"calls {callee.App} with TLS, but {callee.App} serves cleartext (no Service__Tls__CertificatePath)";
        }

        return callee.RequiresClientCertificate && !caller.HasClientCertificate
            ? $"{callee.App} requires a client certificate, but Clients__Tls__CertificatePath is not set"
            : null;
    }

    /// <summary>Every certificate, key and CA path names a file of a Secret mounted read-only.</summary>
    private static IEnumerable<string> Files(ServiceSecurity service)
    {
        var volumes = service.Workload.PodSpec.Items("volumes").ToDictionary(v => v.Str("name") ?? string.Empty, StringComparer.Ordinal);
        foreach (var (key, path) in service.Env.Literals.Where(p => TlsFile().IsMatch(p.Key) && !string.IsNullOrWhiteSpace(p.Value)))
        {
            var mount = service.Container.Items("volumeMounts")
                .Select(m => (Mount: m, Dir: (m.Str("mountPath") ?? "/").TrimEnd('/') + "/"))
                .Where(m => path.StartsWith(m.Dir, StringComparison.Ordinal))
                .OrderByDescending(m => m.Dir.Length).FirstOrDefault();
            if (mount.Mount is null)
            {
                yield return $"{key}={path} is on no mounted volume";
                continue;
            }

            var volume = volumes.GetValueOrDefault(mount.Mount.Str("name") ?? string.Empty);
            var secret = volume.At("secret");
            if (secret is null)
            {
                yield return $"{key}={path} is on volume '{mount.Mount.Str("name")}', which is not a Secret";
                continue;
            }

            if (mount.Mount.Bool("readOnly") != true)
            {
                yield return $"{key}: the Secret volume '{mount.Mount.Str("name")}' is not mounted readOnly";
            }

            var file = path[mount.Dir.Length..];
            var items = secret.Items("items").Select(i => i.Str("path")).ToList();
            if (items.Count > 0 && !items.Contains(file))
            {
                yield return $"{key}={path}: Secret {secret.Str("secretName")} mounts no file '{file}' (items: {string.Join(", ", items)})";
            }
        }
    }

    [GeneratedRegex(@"^(Service|Clients)__Tls__(CertificatePath|KeyPath|ClientCaPath|CaPath)$")]
    private static partial Regex TlsFile();
}
