using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace Summaries.Deploy.Tests.Kubernetes;

/// <summary>The environment a container starts with: its ConfigMaps (envFrom) overlaid by its own env entries.</summary>
public sealed class ContainerEnvironment
{
    private ContainerEnvironment(IReadOnlyDictionary<string, string> literals, IReadOnlyDictionary<string, JsonNode> fromSources)
    {
        Literals = literals;
        FromSources = fromSources;
    }

    /// <summary>Variables with a plain value (ConfigMap data, env value).</summary>
    public IReadOnlyDictionary<string, string> Literals { get; }

    /// <summary>Variables set through valueFrom (secretKeyRef, fieldRef...), by name.</summary>
    public IReadOnlyDictionary<string, JsonNode> FromSources { get; }

    public static ContainerEnvironment Of(JsonObject container, string ns, IReadOnlyList<JsonObject> objects)
    {
        var literals = new Dictionary<string, string>(StringComparer.Ordinal);
        var sources = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var envFrom in container.Items("envFrom"))
        {
            var name = envFrom.Str("configMapRef", "name");
            var map = objects.FirstOrDefault(o => o.Kind() == "ConfigMap" && o.Name() == name && o.Namespace() == ns);
            foreach (var (key, value) in map.Map("data"))
            {
                literals[key] = value;
            }
        }

        foreach (var env in container.Items("env"))
        {
            var name = env.Str("name") ?? string.Empty;
            if (env.At("valueFrom") is { } from)
            {
                literals.Remove(name);
                sources[name] = from;
            }
            else
            {
                sources.Remove(name);
                literals[name] = env.Str("value") ?? string.Empty;
            }
        }

        return new ContainerEnvironment(literals, sources);
    }

    /// <summary>Name of the Secret a variable is read from, or null.</summary>
    public string? SecretOf(string variable) => SecretRefOf(variable)?.Secret;

    /// <summary>The Secret and key a variable is read from (secretKeyRef), or null.</summary>
    public SecretRef? SecretRefOf(string variable) =>
        FromSources.TryGetValue(variable, out var from) && from.Str("secretKeyRef", "name") is { } secret
            ? new SecretRef(secret, from.Str("secretKeyRef", "key") ?? string.Empty)
            : null;

    /// <summary>
    /// The environment read the way the host reads environment variables (<c>A__B</c> is <c>A:B</c>):
    /// the literals, plus each secretKeyRef variable with the value <paramref name="secretValue"/> gives it
    /// (left out without one).
    /// </summary>
    public IConfiguration ToConfiguration(Func<SecretRef, string>? secretValue = null)
    {
        var values = Literals.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)).ToList();
        if (secretValue is not null)
        {
            values.AddRange(FromSources.Keys.Select(k => (Name: k, Ref: SecretRefOf(k)))
                .Where(v => v.Ref is not null)
                .Select(v => KeyValuePair.Create(v.Name, (string?)secretValue(v.Ref!))));
        }

        return new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(p => KeyValuePair.Create(p.Key.Replace("__", ":", StringComparison.Ordinal), p.Value)))
            .Build();
    }
}

/// <summary>One key of one Secret, as a secretKeyRef names it.</summary>
public sealed record SecretRef(string Secret, string Key)
{
    public override string ToString() => $"{Secret}/{Key}";
}
