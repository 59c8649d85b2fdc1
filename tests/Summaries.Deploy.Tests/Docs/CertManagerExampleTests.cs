using System.Text.RegularExpressions;
using Summaries.Deploy.Tests.Infrastructure;
using Summaries.Deploy.Tests.Kubernetes;

namespace Summaries.Deploy.Tests.Docs;

/// <summary>
/// The cert-manager example issues what prod-tls needs: a certificate per mounted Secret, naming every
/// address the service is reached by (a missing name fails every TLS handshake: the clients check
/// it), usable as a client certificate where the service calls others, all from one CA that also
/// signs the dashboard's client certificate; and the guide's TLS grpcurl lines name those addresses.
/// </summary>
public sealed partial class CertManagerExampleTests(OverlayRenders renders) : IClassFixture<OverlayRenders>
{
    [SkippableFact]
    public async Task Example_CertificatesNameEveryAddressTheServicesAreReachedBy()
    {
        var rendered = await renders.GetAsync("prod-tls");
        var example = await CertManagerExample.LoadAsync();
        var services = ServiceSecurity.All(rendered.Objects, Workload.All(rendered.Objects));

        foreach (var service in services)
        {
            var secret = Assert.Single(service.Workload.PodSpec.Items("volumes"), v => v.At("secret") is not null).Str("secret", "secretName");
            var certificate = Assert.Single(example.Certificates, c => c.Str("spec", "secretName") == secret && c.Namespace() == service.Workload.Namespace);
            var names = certificate.Strings("spec", "dnsNames");
            var usages = certificate.Strings("spec", "usages");

            var fronting = rendered.Objects
                .Where(o => o.Kind() == "Service" && o.Namespace() == service.Workload.Namespace
                            && LabelSelector.MatchesMap(o.Map("spec", "selector"), service.Workload.PodLabels))
                .Select(o => o.Name()).ToList();
            var dialled = services.SelectMany(s => s.Env.Literals.Values).Select(v => DnsAddressHost().Match(v))
                .Where(m => m.Success && fronting.Contains(m.Groups["svc"].Value)).Select(m => m.Groups["host"].Value);
            var reachedAs = fronting.Select(n => $"{n}.{service.Workload.Namespace}.svc.cluster.local").Concat(dialled).Distinct().ToList();

            Assert.Equal(2, fronting.Count); // ClusterIP and headless
            Assert.All(reachedAs, n => Assert.Contains(n, names));
            Assert.Contains("server auth", usages);
            if (service.HasClientCertificate)
            {
                Assert.Contains("client auth", usages);
            }

            Assert.NotNull(example.IssuerOf(certificate)?.At("spec", "ca"));
        }

        var issuers = example.Certificates.Where(c => c.Str("spec", "secretName")!.EndsWith("-tls", StringComparison.Ordinal))
            .Select(c => c.Str("spec", "issuerRef", "name")).Distinct();
        Assert.Single(issuers);
        var dashboard = Assert.Single(example.Certificates, c => c.Name() == "dashboard-tls");
        Assert.Contains("client auth", dashboard.Strings("spec", "usages"));
        Assert.Equal(Assert.Single(issuers), dashboard.Str("spec", "issuerRef", "name"));
    }

    [SkippableFact]
    public async Task Guide_TlsGrpcurlLines_CheckANameTheCertificateCarries()
    {
        var example = await CertManagerExample.LoadAsync();
        var guide = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "deploy", "README.md"));

        var servernames = ServerName().Matches(guide).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(servernames);
        Assert.All(servernames, n => Assert.Contains(example.Certificates, c => c.Strings("spec", "dnsNames").Contains(n)));
    }

    [GeneratedRegex(@"^dns:///(?<host>(?<svc>[a-z0-9-]+)\.[a-z0-9-]+\.svc\.cluster\.local):\d+$")]
    private static partial Regex DnsAddressHost();

    [GeneratedRegex(@"-servername ([a-z0-9.-]+) ")]
    private static partial Regex ServerName();
}
