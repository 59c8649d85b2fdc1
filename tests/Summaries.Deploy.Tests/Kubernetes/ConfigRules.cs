using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Summaries.Deploy.Tests.Kubernetes;

/// <summary>
/// What the containers are configured with: listening where the probes look, client addresses that
/// balance over a headless Service the NetworkPolicies let them reach, SQLite files on writable
/// volumes. (Secret material: <see cref="SecretRules"/>.)
/// </summary>
public static partial class ConfigRules
{
    public static IEnumerable<Violation> Check(IReadOnlyList<JsonObject> objects, IReadOnlyList<Workload> workloads)
    {
        var allowed = NetworkPolicyGraph.AllowedEdges(objects, workloads);
        foreach (var workload in workloads)
        {
            foreach (var container in workload.Containers)
            {
                var id = $"Deployment/{workload.Name} container {container.Str("name")}";
                var env = ContainerEnvironment.Of(container, workload.Namespace, objects);
                foreach (var v in Listening(env, workload).Concat(ClientAddresses(env, workload, workloads, objects, allowed))
                             .Concat(DataFiles(env, container)))
                {
                    yield return v with { Object = id };
                }
            }
        }
    }

    private static IEnumerable<Violation> Listening(ContainerEnvironment env, Workload workload)
    {
        if (!env.Literals.TryGetValue("Service__Host", out var host) || host is not ("*" or "0.0.0.0"))
        {
            yield return new Violation("config", "", $"Service__Host is \"{host}\"; pods must listen on every interface (\"*\")");
        }

        if (!env.Literals.TryGetValue("Service__Port", out var port) || !int.TryParse(port, out var number) || workload.ResolvePort(number) is null)
        {
            yield return new Violation("config", "", $"Service__Port \"{port}\" is not a container port");
        }
    }

    private static IEnumerable<Violation> ClientAddresses(
        ContainerEnvironment env, Workload caller, IReadOnlyList<Workload> workloads, IReadOnlyList<JsonObject> objects, IReadOnlySet<Edge> allowed)
    {
        foreach (var (key, value) in env.Literals.Where(p => ClientAddressKey().IsMatch(p.Key)))
        {
            var match = DnsAddress().Match(value);
            if (!match.Success)
            {
                yield return new Violation("client-address", "", $"{key}={value} is not dns:///<service>.<namespace>.svc.cluster.local:<port> (no client-side load balancing)");
                continue;
            }

            var (name, ns, port) = (match.Groups["svc"].Value, match.Groups["ns"].Value, int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture));
            var service = objects.FirstOrDefault(o => o.Kind() == "Service" && o.Name() == name && o.Namespace() == ns);
            if (service is null || !ServiceRules.IsHeadless(service))
            {
                yield return new Violation("client-address", "", $"{key}: {name}.{ns} is not a headless Service in the manifests");
                continue;
            }

            var servicePort = service.Items("spec", "ports").FirstOrDefault(p => p.Int("port") == port);
            var target = workloads.FirstOrDefault(w => w.Namespace == ns && LabelSelector.MatchesMap(service.Map("spec", "selector"), w.PodLabels));
            var containerPort = servicePort is null ? null : target?.ResolvePort(servicePort.At("targetPort") ?? servicePort.At("port"));
            if (target is null || containerPort is null)
            {
                yield return new Violation("client-address", "", $"{key}: port {port} of {name} reaches no container port");
                continue;
            }

            if (!NetworkPolicyGraph.Allows(allowed, new Edge(caller.App, target.App, containerPort.Value)))
            {
                yield return new Violation("client-address", "", $"{key}: the NetworkPolicies do not let {caller.App} reach {target.App}:{containerPort}");
            }
        }
    }

    /// <summary>The root filesystem is read-only: a SQLite file must live on a mounted volume.</summary>
    private static IEnumerable<Violation> DataFiles(ContainerEnvironment env, JsonObject container)
    {
        var mounts = container.Items("volumeMounts").Select(m => (m.Str("mountPath") ?? "/").TrimEnd('/') + "/").ToList();
        foreach (var (key, value) in env.Literals.Where(p => p.Key.StartsWith("ConnectionStrings__", StringComparison.Ordinal)))
        {
            var file = SqliteDataSource().Match(value);
            if (file.Success && !mounts.Any(m => file.Groups[1].Value.StartsWith(m, StringComparison.Ordinal)))
            {
                yield return new Violation("config", "", $"{key}: {file.Groups[1].Value} is not on a mounted volume (read-only root filesystem)");
            }
        }
    }

    [GeneratedRegex(@"^Clients__(.+__)?\w*Address$")]
    private static partial Regex ClientAddressKey();

    [GeneratedRegex(@"^dns:///(?<svc>[a-z0-9-]+)\.(?<ns>[a-z0-9-]+)\.svc\.cluster\.local:(?<port>[0-9]{1,5})$")]
    private static partial Regex DnsAddress();

    [GeneratedRegex(@"Data Source=([^;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex SqliteDataSource();
}
