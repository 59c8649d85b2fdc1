using Summaries.Deploy.Tests.Infrastructure;

namespace Summaries.Deploy.Tests.Kubernetes;

/// <summary>
/// The checks can fail: Fixtures/broken is the base with one mistake per rule, and each mistake must
/// be reported (and nothing is reported for the untouched services' other rules).
/// </summary>
public sealed class BrokenManifestTests
{
    private static Task<RenderedManifests> RenderBrokenAsync() =>
        RenderedManifests.RenderAsync(Path.Combine(RepoPaths.TestProject, "Fixtures", "broken"));

    [SkippableFact]
    public async Task Schema_BrokenFixture_ReportsTheMistypedField()
    {
        var rendered = await RenderBrokenAsync();

        var error = Assert.Single(rendered.SchemaErrors);
        Assert.Equal("Deployment", error.Kind);
        Assert.Equal("summary", error.Name);
        Assert.Contains("terminationGracePeriodSeconds", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Policy_BrokenFixture_ReportsEveryPlantedMistake()
    {
        var rendered = await RenderBrokenAsync();

        var violations = ManifestPolicy.Check(rendered.Objects, PolicyExpectations.Summaries).Select(v => v.ToString()).ToList();

        string[] expected =
        [
            "[image-tag] Deployment/ingestion container ingestion: image \"summaries/ingestion:latest\"",
            "[probes] Deployment/ingestion container ingestion: readinessProbe missing",
            "[non-root] Deployment/ingestion container ingestion: readOnlyRootFilesystem is not true",
            "[resources] Deployment/ingestion container ingestion: resources.limits.cpu not set",
            "[resources] Deployment/ingestion container ingestion: resources.limits.memory not set",
            "[service-ports] Service/entity-headless: port 5102 targets 9102",
            // The misrouted headless Service also strands both callers of entity.
            "[client-address] Deployment/ingestion container ingestion: Clients__EntityService__Address: port 5102 of entity-headless reaches no container port",
            "[client-address] Deployment/summary container summary: Clients__EntityAddress: port 5102 of entity-headless reaches no container port",
            "[network-policy] NetworkPolicy->summary: connection allowed outside the call graph: entity -> summary:5103",
            "[network-policy] NetworkPolicy->entity: connection allowed outside the call graph: * -> entity:*",
            "[client-address] Deployment/summary container summary: Clients__IngestionAddress=http://",
            "[secrets] ConfigMap/summary-config-",
        ];
        Assert.All(expected, e => Assert.True(violations.Any(v => v.StartsWith(e, StringComparison.Ordinal)),
            $"not reported: {e}\nreported:\n{string.Join('\n', violations)}"));
        Assert.True(violations.Count == expected.Length, $"unexpected extra violations:\n{string.Join('\n', violations)}");
    }
}
