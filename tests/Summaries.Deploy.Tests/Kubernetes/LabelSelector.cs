using System.Text.Json.Nodes;

namespace Summaries.Deploy.Tests.Kubernetes;

/// <summary>Kubernetes label selector semantics (matchLabels and matchExpressions).</summary>
public static class LabelSelector
{
    /// <summary>Whether <paramref name="selector"/> ({matchLabels, matchExpressions}) selects <paramref name="labels"/>. Empty selects all.</summary>
    public static bool Matches(JsonNode? selector, IReadOnlyDictionary<string, string> labels)
    {
        foreach (var (key, value) in selector.Map("matchLabels"))
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        foreach (var expression in selector.Items("matchExpressions"))
        {
            var key = expression.Str("key") ?? string.Empty;
            var values = expression.Strings("values");
            var has = labels.TryGetValue(key, out var actual);
            var ok = expression.Str("operator") switch
            {
                "In" => has && values.Contains(actual!),
                "NotIn" => !has || !values.Contains(actual!),
                "Exists" => has,
                "DoesNotExist" => !has,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A Service's plain map selector.</summary>
    public static bool MatchesMap(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels) =>
        selector.Count > 0 && selector.All(p => labels.TryGetValue(p.Key, out var v) && v == p.Value);

    /// <summary>"a=b,c=d", sorted; "*" for an empty selector.</summary>
    public static string Describe(JsonNode? selector)
    {
        var parts = selector.Map("matchLabels").Select(p => $"{p.Key}={p.Value}")
            .Concat(selector.Items("matchExpressions").Select(e => $"{e.Str("key")} {e.Str("operator")} ({string.Join(',', e.Strings("values"))})"))
            .Order(StringComparer.Ordinal)
            .ToList();
        return parts.Count == 0 ? "*" : string.Join(',', parts);
    }
}
