using System.Text.Json.Nodes;

namespace Summaries.Deploy.Tests.Kubernetes;

/// <summary>
/// The operator's rules for rendered Summaries manifests, beyond what the schemas say. Each rule
/// returns violations rather than throwing, so one run reports everything wrong with an overlay.
/// </summary>
public static class ManifestPolicy
{
    public static IReadOnlyList<Violation> Check(IReadOnlyList<JsonObject> objects, PolicyExpectations expected)
    {
        var workloads = Workload.All(objects);
        var violations = new List<Violation>();
        if (workloads.Count == 0)
        {
            violations.Add(new Violation("workloads", "-", "no Deployment rendered"));
        }

        foreach (var app in expected.GrpcServiceByApp.Keys.Where(a => workloads.All(w => w.App != a)))
        {
            violations.Add(new Violation("workloads", app, "no Deployment for this service"));
        }

        foreach (var workload in workloads)
        {
            violations.AddRange(ContainerRules.Check(workload, expected, objects));
            violations.AddRange(PodRules.Check(workload, objects));
        }

        violations.AddRange(ServiceRules.Check(objects, workloads));
        violations.AddRange(NetworkPolicyGraph.Check(objects, workloads, expected));
        violations.AddRange(EgressPolicy.Check(objects, workloads, expected));
        violations.AddRange(ConfigRules.Check(objects, workloads));
        violations.AddRange(SecretRules.Check(objects));
        var security = ServiceSecurity.All(objects, workloads);
        violations.AddRange(AuthRules.Check(security, expected));
        violations.AddRange(TlsRules.Check(objects, security, expected));
        return violations;
    }
}
