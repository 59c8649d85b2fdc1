using Summaries.Deploy.Tests.Infrastructure;
using Summaries.ServiceDefaults.Security;

namespace Summaries.Deploy.Tests.Kubernetes;

/// <summary>
/// What each overlay promises about security: prod requires API keys from one Secret everywhere,
/// callers send their own, probes stay anonymous, clients are rate limited; prod-tls adds in-process
/// mutual TLS from cert-manager Secrets; dev needs no Secret at all.
/// </summary>
public sealed class SecurityOverlayTests(OverlayRenders renders) : IClassFixture<OverlayRenders>
{
    public const string ApiKeySecret = "summaries-api-keys";

    public static TheoryData<string> ProdOverlays => new() { "prod", "prod-tls" };

    [SkippableTheory]
    [MemberData(nameof(ProdOverlays))]
    public async Task Render_Prod_EveryServiceAcceptsItsCallersKeysFromTheSecret(string overlay)
    {
        var services = await ServicesAsync(overlay);

        Assert.Equal(3, services.Count);
        foreach (var service in services)
        {
            Assert.True(service.Auth.Enabled, $"{service.App}: Auth__Enabled is not true");
            var callers = PolicyExpectations.Summaries.CallGraph.Where(c => c.To == service.App).Select(c => c.From);
            string[] expectedIds = ["dashboard", .. callers];
            Assert.Equal(expectedIds.Order(StringComparer.Ordinal), service.Keys.Select(k => k.Id).Order(StringComparer.Ordinal));
            Assert.All(service.Keys, k => Assert.Equal(new SecretRef(ApiKeySecret, k.Id!), k.Secret));
            Assert.DoesNotContain(service.Keys, k => k.Literal);

            // Health stays anonymous and unlimited: the kubelet's gRPC probes carry no key.
            Assert.Contains(GrpcServices.Health, service.Auth.EffectiveAnonymousServices);
            Assert.Contains(GrpcServices.Health, service.Limits.EffectiveExemptServices);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(ProdOverlays))]
    public async Task Render_Prod_EachCallerSendsItsOwnKey(string overlay)
    {
        var services = await ServicesAsync(overlay);

        foreach (var service in services)
        {
            var calls = PolicyExpectations.Summaries.CallGraph.Any(c => c.From == service.App);
            Assert.Equal(calls ? new SecretRef(ApiKeySecret, service.App) : null, service.SendsKey);
            Assert.DoesNotContain("Clients__ApiKey", service.Env.Literals.Keys);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(ProdOverlays))]
    public async Task Render_Prod_RateLimitsPerClientWithRoomForTheServicesFanOut(string overlay)
    {
        var services = await ServicesAsync(overlay);

        foreach (var service in services)
        {
            Assert.True(service.Limits.Enabled, $"{service.App}: RateLimits__Enabled is not true");
            Assert.Equal(TimeSpan.FromSeconds(1), service.Limits.Window);
            Assert.InRange(service.Limits.PermitLimit, 10, 1000);

            // Callers in the call graph make several calls per call they receive: each has a larger limit of its own.
            var callers = PolicyExpectations.Summaries.CallGraph.Where(c => c.To == service.App).Select(c => c.From).ToList();
            Assert.Equal(callers.Order(StringComparer.Ordinal), service.Limits.KeyPermitLimits.Keys.Order(StringComparer.Ordinal));
            Assert.All(callers, c => Assert.True(service.Limits.KeyPermitLimits[c] > service.Limits.PermitLimit, $"{service.App}: {c}'s limit is not above the default"));
        }
    }

    [SkippableFact]
    public async Task Render_ProdTls_MutualTlsFromEachServicesOwnCertManagerSecret()
    {
        var services = await ServicesAsync("prod-tls");

        foreach (var service in services)
        {
            Assert.True(service.ServesTls && service.RequiresClientCertificate, $"{service.App} does not require mutual TLS");
            var volume = Assert.Single(service.Workload.PodSpec.Items("volumes"), v => v.At("secret") is not null);
            Assert.Equal($"{service.App}-tls", volume.Str("secret", "secretName"));
            Assert.Equal(["ca.crt", "tls.crt", "tls.key"], volume.Items("secret", "items").Select(i => i.Str("key")).Order(StringComparer.Ordinal));
            Assert.All(new[] { "startupProbe", "readinessProbe", "livenessProbe" }, p => Assert.NotNull(service.Container.At(p, "tcpSocket")));

            var calls = PolicyExpectations.Summaries.CallGraph.Any(c => c.From == service.App);
            Assert.Equal(calls, service.CallsWithTls && service.HasClientCertificate);
        }
    }

    [SkippableFact]
    public async Task Render_ProdTls_IsProdPlusTlsOnly()
    {
        var prod = await ServicesAsync("prod");
        var tls = await ServicesAsync("prod-tls");

        foreach (var service in prod)
        {
            var other = tls.Single(s => s.App == service.App);
            var added = other.Env.Literals.Where(p => !service.Env.Literals.Contains(p)).Select(p => p.Key).ToList();
            Assert.NotEmpty(added);
            Assert.All(added, k => Assert.Matches(@"^(Service|Clients)__Tls__", k));
            Assert.All(service.Env.Literals, p => Assert.Equal(p.Value, other.Env.Literals.GetValueOrDefault(p.Key)));
            Assert.Equal(service.Env.FromSources.Keys.Order(StringComparer.Ordinal), other.Env.FromSources.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(service.Container.Str("image"), other.Container.Str("image"));
        }
    }

    [SkippableFact]
    public async Task Render_Dev_NoAuthNoLimitsNoTlsAndNoSecretToCreate()
    {
        var rendered = await renders.GetAsync("dev");

        foreach (var service in ServiceSecurity.All(rendered.Objects, Workload.All(rendered.Objects)))
        {
            Assert.False(service.Auth.Enabled, $"{service.App}: dev has API keys on");
            Assert.False(service.Limits.Enabled);
            Assert.False(service.ServesTls || service.CallsWithTls);
            Assert.DoesNotContain(service.Env.FromSources.Keys, k => service.Env.SecretOf(k) is not null);
            Assert.True(service.HasGrpcProbes);
        }
    }

    private async Task<IReadOnlyList<ServiceSecurity>> ServicesAsync(string overlay)
    {
        var rendered = await renders.GetAsync(overlay);
        return ServiceSecurity.All(rendered.Objects, Workload.All(rendered.Objects));
    }
}
