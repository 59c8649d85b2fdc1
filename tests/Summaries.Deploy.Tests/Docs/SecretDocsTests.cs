using System.Text.RegularExpressions;
using Summaries.Deploy.Tests.Infrastructure;
using Summaries.Deploy.Tests.Kubernetes;

namespace Summaries.Deploy.Tests.Docs;

/// <summary>
/// Every Secret key the prod overlays read (env secretKeyRef, or a file of a mounted Secret) is
/// created by the guide's <c>kubectl create secret</c> commands and shown in an example: a key read
/// but never created leaves pods in CreateContainerConfigError (or ContainerCreating) on the first install.
/// </summary>
public sealed partial class SecretDocsTests(OverlayRenders renders) : IClassFixture<OverlayRenders>
{
    private static string Guide => File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "README.md"));

    [SkippableFact]
    public async Task ProdSecretKeys_CreatedByTheGuideAndInTheExample()
    {
        var rendered = await renders.GetAsync("prod");
        var read = EnvSecrets(rendered);
        var example = File.ReadAllText(Path.Combine(RepoPaths.Overlay("prod"), "secrets.example.yaml"));

        Assert.Contains(new SecretRef("summaries-postgres", "entity"), read);
        Assert.Contains(new SecretRef(SecurityOverlayTests.ApiKeySecret, "dashboard"), read);
        foreach (var (secret, key) in read)
        {
            Assert.Contains(key, CreatedKeys(Guide, secret));
            Assert.Contains(key, CreatedKeys(example, secret));
            Assert.Matches($@"name: {Regex.Escape(secret)}\b[\s\S]*?stringData:[\s\S]*?\n  {Regex.Escape(key)}: ", example);
        }
    }

    /// <summary>prod-tls reads prod's Secrets and mounts one certificate Secret per service, made by cert-manager or by hand.</summary>
    [SkippableFact]
    public async Task ProdTlsSecretFiles_CreatedByTheGuideAndByTheCertManagerExample()
    {
        var rendered = await renders.GetAsync("prod-tls");
        var prod = await renders.GetAsync("prod");
        var mounted = Workload.All(rendered.Objects)
            .SelectMany(w => w.PodSpec.Items("volumes"))
            .Where(v => v.At("secret") is not null)
            .SelectMany(v => v.Items("secret", "items").Select(i => new SecretRef(v.Str("secret", "secretName")!, i.Str("key")!)))
            .ToList();
        var certificates = await CertManagerExample.LoadAsync();

        Assert.Equal(EnvSecrets(prod), EnvSecrets(rendered));
        Assert.Equal(9, mounted.Count);
        foreach (var (secret, key) in mounted)
        {
            Assert.Contains(key, CreatedKeys(Guide, secret));
            Assert.Contains(key, CertManagerExample.SecretKeys);
            Assert.Contains(certificates.Certificates, c => c.Str("spec", "secretName") == secret);
        }
    }

    /// <summary>The key the guide's grpcurl lines send is the one every prod service accepts for the dashboard.</summary>
    [SkippableFact]
    public async Task GuideApiKey_IsTheKeyEveryProdServiceAcceptsFromTheDashboard()
    {
        var rendered = await renders.GetAsync("prod");
        var services = ServiceSecurity.All(rendered.Objects, Workload.All(rendered.Objects));

        var dashboard = services.Select(s => Assert.Single(s.Keys, k => k.Id == "dashboard").Secret).Distinct().Single()!;

        var command = $"API_KEY=$(kubectl -n summaries get secret {dashboard.Secret} -o jsonpath='{{.data.{dashboard.Key}}}' | base64 -d)";
        Assert.Contains(command, Guide, StringComparison.Ordinal);
    }

    private static List<SecretRef> EnvSecrets(RenderedManifests rendered) =>
        Workload.All(rendered.Objects)
            .SelectMany(w => w.Containers)
            .SelectMany(c => c.Items("env"))
            .Where(e => e.Str("valueFrom", "secretKeyRef", "name") is not null)
            .Select(e => new SecretRef(e.Str("valueFrom", "secretKeyRef", "name")!, e.Str("valueFrom", "secretKeyRef", "key")!))
            .Distinct()
            .OrderBy(r => r.ToString(), StringComparer.Ordinal)
            .ToList();

    /// <summary>The <c>--from-literal</c>/<c>--from-file</c> keys of the (possibly multi-line, possibly commented) create command for a Secret.</summary>
    private static IReadOnlyList<string> CreatedKeys(string text, string secret)
    {
        var command = Regex.Match(text, $@"create secret generic {Regex.Escape(secret)} ((?:[^\n]*\\\n)*[^\n]*)");
        Assert.True(command.Success, $"no `kubectl create secret generic {secret}` command");
        return FromSource().Matches(command.Groups[1].Value).Select(m => m.Groups[1].Value).ToList();
    }

    [GeneratedRegex(@"--from-(?:literal|file)=([A-Za-z0-9_.-]+)=")]
    private static partial Regex FromSource();
}
