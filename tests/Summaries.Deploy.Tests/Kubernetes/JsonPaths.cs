using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Summaries.Deploy.Tests.Kubernetes;

/// <summary>Small, null-tolerant reads over rendered Kubernetes objects.</summary>
public static class JsonPaths
{
    public static JsonNode? At(this JsonNode? node, params string[] path)
    {
        foreach (var segment in path)
        {
            node = node is JsonObject o && o.TryGetPropertyValue(segment, out var next) ? next : null;
        }

        return node;
    }

    public static string? Str(this JsonNode? node, params string[] path) =>
        node.At(path) is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
            ? v.ToString() : null;

    public static int? Int(this JsonNode? node, params string[] path) =>
        node.At(path) is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i) ? i : null;

    public static bool? Bool(this JsonNode? node, params string[] path) =>
        node.At(path) is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : null;

    public static IEnumerable<JsonObject> Items(this JsonNode? node, params string[] path) =>
        node.At(path) is JsonArray a ? a.OfType<JsonObject>() : [];

    public static IReadOnlyList<string> Strings(this JsonNode? node, params string[] path) =>
        node.At(path) is JsonArray a ? a.Select(x => x?.ToString() ?? string.Empty).ToList() : [];

    public static IReadOnlyDictionary<string, string> Map(this JsonNode? node, params string[] path) =>
        node.At(path) is JsonObject o
            ? o.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? string.Empty, StringComparer.Ordinal)
            : new Dictionary<string, string>();

    public static string Kind(this JsonNode o) => o.Str("kind") ?? "?";

    public static string Name(this JsonNode o) => o.Str("metadata", "name") ?? "?";

    public static string Namespace(this JsonNode o) => o.Str("metadata", "namespace") ?? "default";

    public static string Id(this JsonNode o) => $"{o.Kind()}/{o.Name()}";

    /// <summary>A Kubernetes quantity like "500m" or "2": present and parseable.</summary>
    public static bool IsQuantity(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && decimal.TryParse(value.TrimEnd('m', 'k', 'K', 'M', 'G', 'T', 'i'), NumberStyles.Number, CultureInfo.InvariantCulture, out var d)
        && d > 0;
}
