using System.Text.Json.Nodes;

namespace Summaries.Deploy.Tests.Kubernetes;

/// <summary>Every Service reaches pods, on a port a container listens on; every workload has a headless Service.</summary>
public static class ServiceRules
{
    public static IEnumerable<Violation> Check(IReadOnlyList<JsonObject> objects, IReadOnlyList<Workload> workloads)
    {
        var services = objects.Where(o => o.Kind() == "Service").ToList();
        foreach (var service in services)
        {
            var selector = service.Map("spec", "selector");
            var targets = workloads.Where(w => w.Namespace == service.Namespace() && LabelSelector.MatchesMap(selector, w.PodLabels)).ToList();
            if (targets.Count == 0)
            {
                yield return new Violation("service-ports", service.Id(), "selector matches no Deployment's pods");
                continue;
            }

            foreach (var port in service.Items("spec", "ports"))
            {
                var target = port.At("targetPort") ?? port.At("port");
                foreach (var workload in targets.Where(w => w.ResolvePort(target) is null))
                {
                    yield return new Violation("service-ports", service.Id(),
                        $"port {port.Int("port")} targets {target?.ToJsonString()}, which is no container port of Deployment/{workload.Name}");
                }
            }
        }

        foreach (var workload in workloads.Where(w => !services.Any(s => IsHeadless(s) && s.Namespace() == w.Namespace
                                                                            && LabelSelector.MatchesMap(s.Map("spec", "selector"), w.PodLabels))))
        {
            yield return new Violation("service-ports", $"Deployment/{workload.Name}", "no headless Service: gRPC clients could not balance over its pods");
        }
    }

    public static bool IsHeadless(JsonObject service) => service.Str("spec", "clusterIP") == "None";
}
