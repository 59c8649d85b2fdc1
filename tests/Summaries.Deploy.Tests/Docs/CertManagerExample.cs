using System.Text.Json.Nodes;
using Summaries.Deploy.Tests.Infrastructure;
using Summaries.Deploy.Tests.Kubernetes;

namespace Summaries.Deploy.Tests.Docs;

/// <summary>deploy/k8s/components/tls/cert-manager.example.yaml, parsed (cert-manager's kinds have no schema here).</summary>
public sealed class CertManagerExample(IReadOnlyList<JsonObject> objects)
{
    /// <summary>The files cert-manager writes into a certificate's Secret.</summary>
    public static readonly IReadOnlySet<string> SecretKeys = new HashSet<string>(StringComparer.Ordinal) { "tls.crt", "tls.key", "ca.crt" };

    public static string PathOnDisk => Path.Combine(RepoPaths.K8s, "components", "tls", "cert-manager.example.yaml");

    public IReadOnlyList<JsonObject> Objects { get; } = objects;

    public IEnumerable<JsonObject> Certificates => Objects.Where(o => o.Kind() == "Certificate");

    public static async Task<CertManagerExample> LoadAsync() =>
        new((await RenderedManifests.ParseAsync(await File.ReadAllTextAsync(PathOnDisk))).Objects);

    /// <summary>The Issuer or ClusterIssuer a certificate names, if the example defines it.</summary>
    public JsonObject? IssuerOf(JsonObject certificate)
    {
        var kind = certificate.Str("spec", "issuerRef", "kind") ?? "Issuer";
        var name = certificate.Str("spec", "issuerRef", "name");
        return Objects.FirstOrDefault(o => o.Kind() == kind && o.Name() == name
                                           && (kind == "ClusterIssuer" || o.Namespace() == certificate.Namespace()));
    }
}
