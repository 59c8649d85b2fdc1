using Summaries.Deploy.Tests.Infrastructure;

namespace Summaries.Deploy.Tests.Kubernetes;

/// <summary>Both overlays render, every object passes the Kubernetes schemas, and every policy holds.</summary>
public sealed class OverlayTests(OverlayRenders renders) : IClassFixture<OverlayRenders>
{
    public static TheoryData<string> Overlays => new() { "dev", "prod", "prod-tls" };

    [SkippableTheory]
    [MemberData(nameof(Overlays))]
    public async Task Render_Overlay_EveryObjectMatchesKubernetesSchemas(string overlay)
    {
        var rendered = await renders.GetAsync(overlay);

        Assert.NotEmpty(rendered.Objects);
        Assert.True(rendered.SchemaErrors.Count == 0, string.Join('\n', rendered.SchemaErrors));
    }

    [SkippableTheory]
    [MemberData(nameof(Overlays))]
    public async Task Render_Overlay_EveryPolicyHolds(string overlay)
    {
        var rendered = await renders.GetAsync(overlay);

        var violations = ManifestPolicy.Check(rendered.Objects, PolicyExpectations.Summaries);

        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    [SkippableTheory]
    [MemberData(nameof(Overlays))]
    public async Task Render_Overlay_HasEveryKindPerService(string overlay)
    {
        var rendered = await renders.GetAsync(overlay);

        foreach (var app in PolicyExpectations.Summaries.GrpcServiceByApp.Keys)
        {
            var kinds = rendered.Objects
                .Where(o => o.Map("metadata", "labels").GetValueOrDefault(Workload.AppLabel) == app)
                .Select(o => o.Kind()).ToHashSet();
            string[] expected = overlay == "dev"
                ? ["Deployment", "Service", "ServiceAccount", "ConfigMap", "PodDisruptionBudget", "NetworkPolicy"]
                : ["Deployment", "Service", "ServiceAccount", "ConfigMap", "PodDisruptionBudget", "NetworkPolicy", "HorizontalPodAutoscaler"];
            Assert.All(expected, kind => Assert.True(kinds.Contains(kind), $"{overlay}: {app} has no {kind}"));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Overlays))]
    public async Task Render_Overlay_NetworkPoliciesAllowExactlyTheCallGraph(string overlay)
    {
        var rendered = await renders.GetAsync(overlay);

        var allowed = NetworkPolicyGraph.AllowedEdges(rendered.Objects, Workload.All(rendered.Objects));

        var expected = new[]
        {
            "ingestion -> entity:5102", "summary -> ingestion:5101", "summary -> entity:5102",
            "ns[summaries.dev/clients=true] -> ingestion:5101", "ns[summaries.dev/clients=true] -> entity:5102",
            "ns[summaries.dev/clients=true] -> summary:5103",
        };
        Assert.Equal(expected.Order(StringComparer.Ordinal), allowed.Select(e => e.ToString()).Order(StringComparer.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(Overlays))]
    public async Task Render_Overlay_MatchesTheImagesDockerfiles(string overlay)
    {
        var rendered = await renders.GetAsync(overlay);

        foreach (var workload in Workload.All(rendered.Objects))
        {
            var dockerfile = Docker.Dockerfile.Load(RepoPaths.Dockerfile(workload.App));
            var container = Assert.Single(workload.Containers);
            Assert.EndsWith($"summaries/{workload.App}", container.Str("image")!.Split(':')[0], StringComparison.Ordinal);
            Assert.Equal(Assert.Single(dockerfile.Final.All("EXPOSE")).Text, container.Items("ports").Single().Int("containerPort")?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(Assert.Single(dockerfile.Final.All("USER")).Text.Split(':')[0], workload.PodSpec.Int("securityContext", "runAsUser")?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var mounts = container.Items("volumeMounts").Select(m => m.Str("mountPath")).ToList();
            Assert.All(dockerfile.Final.All("VOLUME").SelectMany(v => v.Arguments), volume => Assert.Contains(volume, mounts));
        }
    }

    [SkippableFact]
    public async Task Render_Dev_OneReplicaSqliteOnVolumeNoLlm()
    {
        var rendered = await renders.GetAsync("dev");

        Assert.DoesNotContain(rendered.Objects, o => o.Kind() == "HorizontalPodAutoscaler");
        foreach (var workload in Workload.All(rendered.Objects))
        {
            Assert.Equal(1, workload.Object.Int("spec", "replicas"));
            var container = Assert.Single(workload.Containers);
            var env = ContainerEnvironment.Of(container, workload.Namespace, rendered.Objects);
            var connection = Assert.Single(env.Literals, p => p.Key.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
            Assert.StartsWith("Data Source=/data/", connection.Value, StringComparison.Ordinal);
            Assert.Contains(workload.PodSpec.Items("volumes"), v => v.Str("name") == "data" && v.At("emptyDir") is not null);
        }

        var summary = Workload.All(rendered.Objects).Single(w => w.App == "summary");
        var summaryEnv = ContainerEnvironment.Of(summary.Containers.Single(), summary.Namespace, rendered.Objects);
        Assert.Equal("None", summaryEnv.Literals["Llm__Provider"]);
        Assert.DoesNotContain(summaryEnv.FromSources.Keys, k => k.StartsWith("Llm__", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Render_Prod_ReplicatedPostgresForEveryServiceAndLlmFromSecrets()
    {
        var rendered = await renders.GetAsync("prod");

        Assert.Equal(["entity", "ingestion", "summary"], Workload.All(rendered.Objects).Select(w => w.App).Order(StringComparer.Ordinal));
        foreach (var workload in Workload.All(rendered.Objects))
        {
            Assert.True(workload.Object.Int("spec", "replicas") >= 2, $"{workload.Name} has fewer than 2 replicas");
            var hpa = Assert.Single(rendered.Objects, o => o.Kind() == "HorizontalPodAutoscaler" && o.Str("spec", "scaleTargetRef", "name") == workload.Name);
            Assert.True(hpa.Int("spec", "minReplicas") >= 2, $"{hpa.Id()} may scale below 2");

            // Replicas share one PostgreSQL store per service: each service's own key of the Secret,
            // never the image's per-pod SQLite default.
            var env = ContainerEnvironment.Of(workload.Containers.Single(), workload.Namespace, rendered.Objects);
            Assert.DoesNotContain(env.Literals.Keys, k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
            var connection = Assert.Single(env.FromSources.Keys, k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
            Assert.Equal("ConnectionStrings__" + workload.App, connection, ignoreCase: true);
            Assert.Equal("summaries-postgres", env.SecretOf(connection));
            Assert.Equal(workload.App, env.FromSources[connection].Str("secretKeyRef", "key"));

            Assert.True(env.Literals.ContainsKey("OTEL_EXPORTER_OTLP_ENDPOINT"), $"{workload.Name} exports no traces");
        }

        var summary = Workload.All(rendered.Objects).Single(w => w.App == "summary");
        var summaryEnv = ContainerEnvironment.Of(summary.Containers.Single(), summary.Namespace, rendered.Objects);
        Assert.Equal("summaries-llm", summaryEnv.SecretOf("Llm__ApiKey"));
        Assert.Equal("summaries-llm", summaryEnv.SecretOf("Llm__Endpoint"));
        Assert.NotEqual("None", summaryEnv.Literals["Llm__Provider"]);
    }
}
