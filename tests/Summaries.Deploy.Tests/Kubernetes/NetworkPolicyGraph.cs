using System.Text.Json.Nodes;

namespace Summaries.Deploy.Tests.Kubernetes;

/// <summary>
/// Works out which connections the NetworkPolicies allow to each workload's pods, and compares that
/// with the call graph: anything missing breaks a call, anything extra is a hole.
/// </summary>
public static class NetworkPolicyGraph
{
    /// <summary>Every (from, to, port) the policies allow into the rendered workloads; "*" when nothing restricts a workload.</summary>
    public static IReadOnlySet<Edge> AllowedEdges(IReadOnlyList<JsonObject> objects, IReadOnlyList<Workload> workloads)
    {
        var edges = new HashSet<Edge>();
        var policies = objects.Where(o => o.Kind() == "NetworkPolicy").ToList();
        foreach (var target in workloads)
        {
            var selecting = policies.Where(p => p.Namespace() == target.Namespace
                                                && LabelSelector.Matches(p.At("spec", "podSelector"), target.PodLabels)
                                                && RestrictsIngress(p)).ToList();
            if (selecting.Count == 0)
            {
                edges.Add(new Edge("*", target.App, 0));
                continue;
            }

            foreach (var rule in selecting.SelectMany(p => p.Items("spec", "ingress")))
            {
                var ports = Ports(rule, target);
                foreach (var from in Sources(rule, target.Namespace, workloads))
                {
                    foreach (var port in ports)
                    {
                        edges.Add(new Edge(from, target.App, port));
                    }
                }
            }
        }

        return edges;
    }

    public static IEnumerable<Violation> Check(IReadOnlyList<JsonObject> objects, IReadOnlyList<Workload> workloads, PolicyExpectations expected)
    {
        var allowed = AllowedEdges(objects, workloads);
        var wanted = expected.AllowedEdges;
        foreach (var edge in wanted.Where(e => !Allows(allowed, e)).OrderBy(e => e.ToString(), StringComparer.Ordinal))
        {
            yield return new Violation("network-policy", $"NetworkPolicy->{edge.To}", $"needed connection not allowed: {edge}");
        }

        foreach (var edge in allowed.Except(wanted).OrderBy(e => e.ToString(), StringComparer.Ordinal))
        {
            yield return new Violation("network-policy", $"NetworkPolicy->{edge.To}", $"connection allowed outside the call graph: {edge}");
        }
    }

    /// <summary>Whether <paramref name="edge"/> is allowed, counting "*" sources and all-port rules.</summary>
    public static bool Allows(IReadOnlySet<Edge> allowed, Edge edge) =>
        allowed.Any(a => a.To == edge.To && (a.From == edge.From || a.From == "*") && (a.Port == edge.Port || a.Port == 0));

    private static bool RestrictsIngress(JsonObject policy)
    {
        var types = policy.Strings("spec", "policyTypes");
        // Without policyTypes, Ingress is always implied.
        return types.Count == 0 || types.Contains("Ingress");
    }

    private static IReadOnlyList<int> Ports(JsonObject rule, Workload target)
    {
        var ports = rule.Items("ports").ToList();
        if (ports.Count == 0)
        {
            return [0];
        }

        return ports.Select(p => p.At("port") is null ? 0 : target.ResolvePort(p.At("port")) ?? -1).ToList();
    }

    private static IEnumerable<string> Sources(JsonObject rule, string ns, IReadOnlyList<Workload> workloads) =>
        PolicyPeers.Describe(rule, "from", ns, workloads);
}
