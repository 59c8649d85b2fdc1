using System.Net;
using System.Text.Json.Nodes;
using Summaries.Deploy.Tests.Infrastructure;

namespace Summaries.Deploy.Tests.Kubernetes;

/// <summary>
/// Egress in every overlay: each pod is under an egress policy, may reach only DNS, PostgreSQL, the
/// OTLP collector and the services it calls (and summary the LLM on 443), and never the cloud
/// metadata address.
/// </summary>
public sealed class EgressTests(OverlayRenders renders) : IClassFixture<OverlayRenders>
{
    public static TheoryData<string> Overlays => OverlayTests.Overlays;

    [SkippableTheory]
    [MemberData(nameof(Overlays))]
    public async Task Render_Overlay_EveryPodIsSelectedByAnEgressPolicy(string overlay)
    {
        var rendered = await renders.GetAsync(overlay);
        var policies = rendered.Objects.Where(o => o.Kind() == "NetworkPolicy"
                                                   && o.Strings("spec", "policyTypes").Contains("Egress")).ToList();

        Assert.All(Workload.All(rendered.Objects), workload => Assert.True(
            policies.Any(p => p.Namespace() == workload.Namespace && LabelSelector.Matches(p.At("spec", "podSelector"), workload.PodLabels)),
            $"{overlay}: no egress policy selects {workload.App}"));
    }

    [SkippableTheory]
    [MemberData(nameof(Overlays))]
    public async Task Render_Overlay_EachServiceReachesExactlyItsPorts(string overlay)
    {
        var rendered = await renders.GetAsync(overlay);

        var allowed = EgressPolicy.Allowed(rendered.Objects, Workload.All(rendered.Objects));

        string[] everyone = ["UDP/53", "TCP/53", "TCP/4317", "TCP/5432"];
        var expected = new Dictionary<string, string[]>
        {
            ["ingestion"] = [.. everyone, "TCP/5102"],
            ["entity"] = everyone,
            ["summary"] = [.. everyone, "TCP/5101", "TCP/5102", "TCP/443"],
        };
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), allowed.Keys.Order(StringComparer.Ordinal));
        foreach (var (app, ports) in expected)
        {
            Assert.Equal(ports.Order(StringComparer.Ordinal), allowed[app].Select(e => e.Port).Distinct().Order(StringComparer.Ordinal));
        }

        // Each port to its own destination: the services' ports to those pods only, DNS to kube-dns only.
        Assert.All(allowed.Values.SelectMany(e => e).Where(e => e.Port is "TCP/5101" or "TCP/5102"),
            e => Assert.Equal(e.Port == "TCP/5101" ? "ingestion" : "entity", e.To));
        Assert.All(allowed.Values.SelectMany(e => e).Where(e => e.Port.EndsWith("/53", StringComparison.Ordinal)),
            e => Assert.Equal(PolicyExpectations.Dns, e.To));
        Assert.Equal(PolicyExpectations.PublicInternet, Assert.Single(allowed["summary"], e => e.Port == "TCP/443").To);
    }

    [SkippableTheory]
    [MemberData(nameof(Overlays))]
    public async Task Render_Overlay_NoEgressRuleReachesTheMetadataAddress(string overlay)
    {
        var rendered = await renders.GetAsync(overlay);

        var rules = rendered.Objects.Where(o => o.Kind() == "NetworkPolicy").SelectMany(p => p.Items("spec", "egress")).ToList();

        Assert.NotEmpty(rules);
        Assert.All(rules, rule => Assert.NotEmpty(rule.Items("to")));
        Assert.All(rules.SelectMany(r => r.Items("to")).Select(peer => peer.At("ipBlock")).OfType<JsonNode>(),
            block => Assert.False(EgressPolicy.Reaches(block, EgressPolicy.MetadataAddress), $"{overlay}: {block.ToJsonString()} reaches {EgressPolicy.MetadataAddress}"));
    }

    [Theory]
    [InlineData("""{"cidr":"0.0.0.0/0"}""", true)]
    [InlineData("""{"cidr":"169.254.0.0/16"}""", true)]
    [InlineData("""{"cidr":"0.0.0.0/0","except":["169.254.169.254/32"]}""", false)]
    [InlineData("""{"cidr":"0.0.0.0/0","except":["10.0.0.0/8","169.254.0.0/16"]}""", false)]
    [InlineData("""{"cidr":"10.0.0.0/8"}""", false)]
    public void Reaches_IpBlock_HonoursCidrAndExceptions(string block, bool reaches)
    {
        Assert.Equal(reaches, EgressPolicy.Reaches(JsonNode.Parse(block)!, IPAddress.Parse("169.254.169.254")));
    }
}
