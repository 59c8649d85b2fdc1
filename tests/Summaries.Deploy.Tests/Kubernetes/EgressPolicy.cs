using System.Net;
using System.Text.Json.Nodes;

namespace Summaries.Deploy.Tests.Kubernetes;

/// <summary>
/// One destination a pod may open connections to: <see cref="To"/> is an app name, "ns[...]/pods[...]"
/// for selectors, "ip[cidr except ...]" for an ipBlock, "*" for anywhere; <see cref="Port"/> is
/// "TCP/5432", "UDP/53", or "*" for every port.
/// </summary>
public sealed record EgressEdge(string From, string To, string Port)
{
    public override string ToString() => $"{From} -> {To} {Port}";
}

/// <summary>
/// What the egress NetworkPolicies let each workload's pods reach. A pod that no policy with
/// policyTypes Egress selects may reach anything, which is reported as such.
/// </summary>
public static class EgressPolicy
{
    /// <summary>The cloud metadata service (AWS, GCP, Azure, OpenStack): it hands out the node's credentials.</summary>
    public static readonly IPAddress MetadataAddress = IPAddress.Parse("169.254.169.254");

    /// <summary>Every destination allowed per workload app; "*" (to anything, any port) when no egress policy selects it.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<EgressEdge>> Allowed(IReadOnlyList<JsonObject> objects, IReadOnlyList<Workload> workloads)
    {
        var result = new Dictionary<string, IReadOnlySet<EgressEdge>>(StringComparer.Ordinal);
        foreach (var workload in workloads)
        {
            var edges = new HashSet<EgressEdge>();
            var selecting = Selecting(objects, workload).ToList();
            if (selecting.Count == 0)
            {
                edges.Add(new EgressEdge(workload.App, "*", "*"));
            }

            foreach (var rule in selecting.SelectMany(p => p.Items("spec", "egress")))
            {
                var ports = Ports(rule);
                foreach (var to in Destinations(rule, workload.Namespace, workloads))
                {
                    edges.UnionWith(ports.Select(port => new EgressEdge(workload.App, to, port)));
                }
            }

            result[workload.App] = edges;
        }

        return result;
    }

    public static IEnumerable<Violation> Check(IReadOnlyList<JsonObject> objects, IReadOnlyList<Workload> workloads, PolicyExpectations expected)
    {
        var allowed = Allowed(objects, workloads);
        foreach (var workload in workloads)
        {
            if (!Selecting(objects, workload).Any())
            {
                yield return new Violation("egress", $"Deployment/{workload.Name}", "no NetworkPolicy with policyTypes Egress selects its pods: they may connect anywhere");
                continue;
            }

            var wanted = expected.EgressOf(workload.App);
            foreach (var edge in wanted.Except(allowed[workload.App]).OrderBy(e => e.ToString(), StringComparer.Ordinal))
            {
                yield return new Violation("egress", $"Deployment/{workload.Name}", $"needed egress not allowed: {edge}");
            }

            foreach (var edge in allowed[workload.App].Except(wanted).OrderBy(e => e.ToString(), StringComparer.Ordinal))
            {
                yield return new Violation("egress", $"Deployment/{workload.Name}", $"egress allowed beyond what it calls: {edge}");
            }
        }

        foreach (var policy in objects.Where(IsEgressPolicy))
        {
            foreach (var rule in policy.Items("spec", "egress"))
            {
                var peers = rule.Items("to").ToList();
                if (peers.Count == 0 || peers.Any(p => p.At("ipBlock") is { } block && Reaches(block, MetadataAddress)))
                {
                    yield return new Violation("egress", policy.Id(), $"an egress rule reaches the metadata address {MetadataAddress}");
                }
            }
        }
    }

    /// <summary>Whether an ipBlock's CIDR holds the address and none of its exceptions does.</summary>
    public static bool Reaches(JsonNode block, IPAddress address) =>
        Contains(block.Str("cidr"), address) && !block.Strings("except").Any(e => Contains(e, address));

    private static bool Contains(string? cidr, IPAddress address) =>
        IPNetwork.TryParse(cidr, out var network) && network.Contains(address);

    private static bool IsEgressPolicy(JsonObject policy) =>
        policy.Kind() == "NetworkPolicy" && policy.Strings("spec", "policyTypes").Contains("Egress");

    /// <summary>Egress policies selecting the workload's pods; policyTypes must say Egress (without it, a policy with no egress rules allows all).</summary>
    private static IEnumerable<JsonObject> Selecting(IReadOnlyList<JsonObject> objects, Workload workload) =>
        objects.Where(p => IsEgressPolicy(p) && p.Namespace() == workload.Namespace
                           && LabelSelector.Matches(p.At("spec", "podSelector"), workload.PodLabels));

    private static IReadOnlyList<string> Ports(JsonObject rule)
    {
        var ports = rule.Items("ports").ToList();
        return ports.Count == 0
            ? ["*"]
            : ports.Select(p => $"{p.Str("protocol") ?? "TCP"}/{p.Str("port") ?? "*"}").ToList();
    }

    private static IEnumerable<string> Destinations(JsonObject rule, string ns, IReadOnlyList<Workload> workloads) =>
        PolicyPeers.Describe(rule, "to", ns, workloads);
}
