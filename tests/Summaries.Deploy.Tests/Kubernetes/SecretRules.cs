using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Summaries.Deploy.Tests.Kubernetes;

/// <summary>
/// No credential in any rendered manifest. The manifests ship no Secret objects (they are created out
/// of band); a ConfigMap entry or plain env value under a credential's name (…ApiKey, …Password,
/// Auth__Keys__N__Key…) is a literal credential; and no string anywhere (annotations, args, other
/// settings) looks like key material: a long hex or base64 run, an <c>sk-</c> key, a PEM private key.
/// </summary>
public static partial class SecretRules
{
    public static IEnumerable<Violation> Check(IReadOnlyList<JsonObject> objects)
    {
        foreach (var secret in objects.Where(o => o.Kind() == "Secret"))
        {
            yield return new Violation("secrets", secret.Id(), "Secrets are created out of band; the manifests ship none (see secrets.example.yaml)");
        }

        foreach (var map in objects.Where(o => o.Kind() == "ConfigMap"))
        {
            foreach (var (key, _) in map.Map("data").Where(p => LooksSecret(p.Key, p.Value)))
            {
                yield return new Violation("secrets", map.Id(), $"{key} looks like a credential; read it from a Secret (secretKeyRef)");
            }
        }

        foreach (var workload in Workload.All(objects))
        {
            foreach (var env in workload.Containers.SelectMany(c => c.Items("env")).Where(e => e.Str("value") is { } v && LooksSecret(e.Str("name")!, v)))
            {
                yield return new Violation("secrets", $"Deployment/{workload.Name}", $"{env.Str("name")} has a literal credential; use secretKeyRef");
            }
        }

        foreach (var o in objects)
        {
            foreach (var (path, _) in Strings(o, string.Empty).Where(s => !CheckedAbove(o, s.Path) && LooksLikeKeyMaterial(s.Value)))
            {
                yield return new Violation("secrets", o.Id(), $"{path} holds what looks like key material; keep it in a Secret");
            }
        }
    }

    /// <summary>A credential by name (non-empty), a connection string with a password, or key material.</summary>
    public static bool LooksSecret(string key, string value) =>
        (value.Length > 0 && SecretName().IsMatch(key))
        || value.Contains("Password=", StringComparison.OrdinalIgnoreCase)
        || LooksLikeKeyMaterial(value);

    public static bool LooksLikeKeyMaterial(string value) =>
        (value.Contains("-----BEGIN", StringComparison.Ordinal) && value.Contains("PRIVATE KEY", StringComparison.Ordinal))
        || HexRun().IsMatch(value)
        || OpenAiStyleKey().IsMatch(value)
        || Base64Run().Matches(value).Any(m => m.Value.Any(char.IsUpper) && m.Value.Any(char.IsLower) && m.Value.Any(char.IsDigit));

    private static bool CheckedAbove(JsonObject o, string path) =>
        (o.Kind() == "ConfigMap" && path.StartsWith("/data/", StringComparison.Ordinal)) || EnvValue().IsMatch(path);

    private static IEnumerable<(string Path, string Value)> Strings(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    foreach (var leaf in Strings(value, $"{path}/{key}"))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    foreach (var leaf in Strings(a[i], $"{path}/{i}"))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                yield return (path, v.GetValue<string>());
                break;
        }
    }

    [GeneratedRegex(@"(ApiKey|Password|Secret|Token|__Key)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    // 32+ hex digits (openssl rand -hex 16 and up), except an image digest.
    [GeneratedRegex(@"(?<!sha256:)(?<![0-9A-Fa-f])[0-9A-Fa-f]{32,}")]
    private static partial Regex HexRun();

    [GeneratedRegex(@"\bsk-[A-Za-z0-9_-]{16,}")]
    private static partial Regex OpenAiStyleKey();

    // openssl rand -base64 30 and up.
    [GeneratedRegex(@"[A-Za-z0-9+/]{40,}={0,2}")]
    private static partial Regex Base64Run();

    [GeneratedRegex(@"/containers/\d+/env/\d+/value$")]
    private static partial Regex EnvValue();
}
