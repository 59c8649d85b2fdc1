using System.Text.RegularExpressions;
using Summaries.Deploy.Tests.Infrastructure;
using Summaries.Deploy.Tests.Kubernetes;

namespace Summaries.Deploy.Tests.Docs;

/// <summary>
/// Every Secret key the prod overlay reads is created by the guide's <c>kubectl create secret</c>
/// commands and shown in secrets.example.yaml: a key read but never created leaves pods in
/// CreateContainerConfigError on the first install.
/// </summary>
public sealed partial class SecretDocsTests(OverlayRenders renders) : IClassFixture<OverlayRenders>
{
    [SkippableFact]
    public async Task ProdSecretKeys_CreatedByTheGuideAndInTheExample()
    {
        var rendered = await renders.GetAsync("prod");
        var read = Workload.All(rendered.Objects)
            .SelectMany(w => w.Containers)
            .SelectMany(c => c.Items("env"))
            .Select(e => (Secret: e.Str("valueFrom", "secretKeyRef", "name"), Key: e.Str("valueFrom", "secretKeyRef", "key")))
            .Where(r => r.Secret is not null)
            .Distinct()
            .ToList();
        var guide = File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "README.md"));
        var example = File.ReadAllText(Path.Combine(RepoPaths.Overlay("prod"), "secrets.example.yaml"));

        Assert.Contains(read, r => r == ("summaries-postgres", "entity"));
        foreach (var (secret, key) in read)
        {
            Assert.Contains(key!, CreatedKeys(guide, secret!));
            Assert.Contains(key!, CreatedKeys(example, secret!));
            Assert.Matches($@"name: {Regex.Escape(secret!)}\b[\s\S]*?stringData:[\s\S]*?\n  {Regex.Escape(key!)}: ", example);
        }
    }

    /// <summary>The <c>--from-literal</c> keys of the (possibly multi-line, possibly commented) create command for a Secret.</summary>
    private static IReadOnlyList<string> CreatedKeys(string text, string secret)
    {
        var command = Regex.Match(text, $@"create secret generic {Regex.Escape(secret)}((?:[^\n]*\\\n)*[^\n]*)");
        Assert.True(command.Success, $"no `kubectl create secret generic {secret}` command");
        return FromLiteral().Matches(command.Groups[1].Value).Select(m => m.Groups[1].Value).ToList();
    }

    [GeneratedRegex(@"--from-literal=([A-Za-z0-9_.-]+)=")]
    private static partial Regex FromLiteral();
}
