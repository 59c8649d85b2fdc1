using System.Text.Json.Nodes;

namespace Summaries.Deploy.Tests.Kubernetes;

/// <summary>Per-pod rules: graceful shutdown, service account, disruption budget, autoscaler.</summary>
public static class PodRules
{
    public static IEnumerable<Violation> Check(Workload workload, IReadOnlyList<JsonObject> objects)
    {
        var id = $"Deployment/{workload.Name}";
        var grace = workload.PodSpec.Int("terminationGracePeriodSeconds") ?? 30;
        foreach (var container in workload.Containers)
        {
            var preStop = container.At("lifecycle", "preStop");
            if (preStop is null)
            {
                yield return new Violation("graceful-shutdown", id, $"container {container.Str("name")} has no preStop hook");
                continue;
            }

            var sleep = preStop.Int("sleep", "seconds") ?? 0;
            if (grace < sleep + 20)
            {
                yield return new Violation("graceful-shutdown", id,
                    $"terminationGracePeriodSeconds {grace} leaves under 20 s to drain calls after a {sleep} s preStop");
            }
        }

        var account = workload.PodSpec.Str("serviceAccountName");
        var serviceAccount = objects.FirstOrDefault(o => o.Kind() == "ServiceAccount" && o.Name() == account && o.Namespace() == workload.Namespace);
        if (account is null or "default" || serviceAccount is null)
        {
            yield return new Violation("service-account", id, $"serviceAccountName \"{account}\" is not a ServiceAccount of its own in the manifests");
        }
        else if ((workload.PodSpec.Bool("automountServiceAccountToken") ?? serviceAccount.Bool("automountServiceAccountToken")) != false)
        {
            yield return new Violation("service-account", id, "the API token is mounted but the service never calls the Kubernetes API");
        }

        var replicas = workload.Object.Int("spec", "replicas") ?? 1;
        var budgets = objects.Where(o => o.Kind() == "PodDisruptionBudget" && o.Namespace() == workload.Namespace
                                         && LabelSelector.Matches(o.At("spec", "selector"), workload.PodLabels)).ToList();
        if (budgets.Count != 1)
        {
            yield return new Violation("disruption", id, $"{budgets.Count} PodDisruptionBudgets select the pods; expected exactly 1");
        }
        else if (budgets[0].Int("spec", "minAvailable") is { } min && min >= replicas)
        {
            yield return new Violation("disruption", id, $"minAvailable {min} with {replicas} replicas blocks every node drain");
        }

        foreach (var hpa in objects.Where(o => o.Kind() == "HorizontalPodAutoscaler" && o.Namespace() == workload.Namespace
                                               && o.Str("spec", "scaleTargetRef", "name") == workload.Name))
        {
            var minReplicas = hpa.Int("spec", "minReplicas") ?? 1;
            if (minReplicas > (hpa.Int("spec", "maxReplicas") ?? 0) || replicas < minReplicas)
            {
                yield return new Violation("autoscaling", hpa.Id(), $"replicas {replicas}, minReplicas {minReplicas}, maxReplicas {hpa.Int("spec", "maxReplicas")} disagree");
            }
        }
    }
}
