using System.Text.Json.Nodes;

namespace Summaries.Deploy.Tests.Kubernetes;

/// <summary>
/// The peers of one NetworkPolicy rule (<c>from</c> of an ingress rule, <c>to</c> of an egress
/// rule) in words: an app of ours by name, or the selector or address block where no app of ours
/// matches; <c>*</c> for a rule without peers (anyone).
/// </summary>
public static class PolicyPeers
{
    public static IEnumerable<string> Describe(JsonObject rule, string key, string ns, IReadOnlyList<Workload> workloads)
    {
        var peers = rule.Items(key).ToList();
        if (peers.Count == 0)
        {
            yield return "*";
            yield break;
        }

        foreach (var peer in peers)
        {
            if (peer.At("ipBlock") is { } block)
            {
                var except = block.Strings("except");
                yield return except.Count == 0
                    ? $"ip[{block.Str("cidr")}]"
                    : $"ip[{block.Str("cidr")} except {string.Join(',', except.Order(StringComparer.Ordinal))}]";
            }
            else if (peer.At("namespaceSelector") is { } namespaces)
            {
                yield return peer.At("podSelector") is { } pods
                    ? $"ns[{LabelSelector.Describe(namespaces)}]/pods[{LabelSelector.Describe(pods)}]"
                    : $"ns[{LabelSelector.Describe(namespaces)}]";
            }
            else
            {
                var selector = peer.At("podSelector");
                var apps = workloads.Where(w => w.Namespace == ns && LabelSelector.Matches(selector, w.PodLabels)).Select(w => w.App).ToList();
                if (apps.Count == 0 || LabelSelector.Describe(selector) == "*")
                {
                    // Also any other pod of the namespace (a debug pod, another app) that carries the labels.
                    yield return $"pods[{LabelSelector.Describe(selector)}]";
                }

                foreach (var app in apps)
                {
                    yield return app;
                }
            }
        }
    }
}
