using System.Text.Json.Nodes;

namespace Summaries.Deploy.Tests.Kubernetes;

/// <summary>A rendered Deployment seen as the pods it makes.</summary>
public sealed class Workload(JsonObject deployment)
{
    public const string AppLabel = "app.kubernetes.io/name";

    public JsonObject Object { get; } = deployment;

    public string Name => Object.Name();

    public string Namespace => Object.Namespace();

    /// <summary>The pods' app.kubernetes.io/name label (the node name in the call graph).</summary>
    public string App => PodLabels.TryGetValue(AppLabel, out var app) ? app : Name;

    public IReadOnlyDictionary<string, string> PodLabels => Object.Map("spec", "template", "metadata", "labels");

    public JsonNode? PodSpec => Object.At("spec", "template", "spec");

    public IEnumerable<JsonObject> Containers => PodSpec.Items("containers");

    /// <summary>containerPort by port name ("" when unnamed), over every container.</summary>
    public IEnumerable<(string Name, int Port)> ContainerPorts =>
        Containers.SelectMany(c => c.Items("ports")).Select(p => (p.Str("name") ?? string.Empty, p.Int("containerPort") ?? -1));

    /// <summary>The port number a Service targetPort or NetworkPolicy port (number or name) lands on, or null.</summary>
    public int? ResolvePort(JsonNode? port)
    {
        if (port is JsonValue v && v.TryGetValue<int>(out var number))
        {
            return ContainerPorts.Any(p => p.Port == number) ? number : null;
        }

        var name = port?.ToString();
        return ContainerPorts.Where(p => p.Name.Length > 0 && p.Name == name).Select(p => (int?)p.Port).FirstOrDefault();
    }

    public static IReadOnlyList<Workload> All(IEnumerable<JsonObject> objects) =>
        objects.Where(o => o.Kind() == "Deployment").Select(o => new Workload(o)).ToList();
}
