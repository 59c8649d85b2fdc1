using Summaries.Deploy.Tests.Infrastructure;

namespace Summaries.Deploy.Tests.Kubernetes;

/// <summary>
/// The checks can fail: Fixtures/broken is the base with one mistake per rule, Fixtures/broken-security
/// overlays/prod-tls with one security mistake per rule; each mistake must be reported (and nothing is
/// reported for the untouched services' other rules).
/// </summary>
public sealed class BrokenManifestTests
{
    private static Task<RenderedManifests> RenderBrokenAsync() => RenderAsync("broken");

    private static Task<RenderedManifests> RenderAsync(string fixture) =>
        RenderedManifests.RenderAsync(Path.Combine(RepoPaths.TestProject, "Fixtures", fixture));

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
            "[secrets] Deployment/ingestion: Auth__Keys__0__Key has a literal credential",
            "[secrets] ConfigMap/entity-config-",
            "[secrets] Service/summary: /metadata/annotations/summaries.dev/llm-key holds what looks like key material",
            "[auth] Deployment/ingestion: grpc.health.v1.Health needs an API key",
            "[auth] Deployment/summary: calls ingestion, which requires an API key, but sends none",
            "[egress] Deployment/ingestion: needed egress not allowed: ingestion -> entity TCP/5102",
            "[egress] Deployment/summary: needed egress not allowed: summary -> ip[0.0.0.0/0 except ",
            "[egress] Deployment/summary: egress allowed beyond what it calls: summary -> ip[0.0.0.0/0] TCP/443",
            "[egress] NetworkPolicy/summary-egress: an egress rule reaches the metadata address 169.254.169.254",
        ];
        AssertReportedExactly(expected, violations);
    }

    [SkippableFact]
    public async Task Policy_BrokenSecurityFixture_ReportsEveryPlantedMistake()
    {
        var rendered = await RenderAsync("broken-security");

        var violations = ManifestPolicy.Check(rendered.Objects, PolicyExpectations.Summaries).Select(v => v.ToString()).ToList();

        Assert.Empty(rendered.SchemaErrors);
        string[] expected =
        [
            "[probes] Deployment/ingestion container ingestion: readinessProbe is a gRPC probe, but the port serves TLS",
            "[tls] Deployment/summary: calls ingestion in cleartext (h2c), but ingestion serves TLS only",
            "[tls] Deployment/summary: calls entity in cleartext (h2c), but entity serves TLS only",
            "[tls] Deployment/entity container entity: Service__Tls__ClientCaPath=/etc/summaries/tls/client-ca.crt: Secret entity-tls mounts no file 'client-ca.crt'",
            "[tls] Service/ingestion: appProtocol kubernetes.io/h2c in front of a port that serves TLS",
            "[auth] Deployment/ingestion: entity accepts its key summaries-api-keys/ingestion under the id 'reader'; name it 'ingestion'",
            // ...an id the default grants do not know, granted nothing: entity would refuse to start.
            "[auth] Deployment/entity: the id 'reader' has no grants (Auth__Grants__reader__N) and is not one the defaults know: the service refuses to start",
            // ...so entity's larger limit for ingestion no longer applies to it.
            "[auth] Deployment/entity: RateLimits__KeyPermitLimits__ingestion: no API key has the id 'ingestion'",
            "[auth] Deployment/ingestion: RateLimits__KeyPermitLimits__summry: no API key has the id 'summry'",
        ];
        AssertReportedExactly(expected, violations);
    }

    private static void AssertReportedExactly(string[] expected, List<string> violations)
    {
        Assert.All(expected, e => Assert.True(violations.Any(v => v.StartsWith(e, StringComparison.Ordinal)),
            $"not reported: {e}\nreported:\n{string.Join('\n', violations)}"));
        Assert.True(violations.Count == expected.Length, $"unexpected extra violations:\n{string.Join('\n', violations)}");
    }
}
