using System.Text;
using System.Text.Json;

namespace Summaries.Evaluation.Briefings;

/// <summary>
/// A fixed split of an evaluation file by article, so the writer can be tuned on one half and
/// measured on the other (numbers from the half it was tuned on overstate how it does on unseen
/// news). An article's half follows from a hash of its url (its id where it has none), not from
/// its place in the file, so adding or reordering articles moves no article between halves.
/// </summary>
internal static class EvaluationSplit
{
    /// <summary>Whether the JSONL row belongs to <paramref name="part"/> ("tune", "test", or null for all).</summary>
    public static bool Includes(JsonElement row, string? part) => part switch
    {
        null or "all" => true,
        "tune" => !InTest(row),
        "test" => InTest(row),
        _ => throw new UsageException($"Unknown part '{part}': use tune, test or all."),
    };

    /// <summary>The half ("tune" or "test") of the article with this key (its url, or its id where it has none).</summary>
    public static string PartOf(string key) => (Fnv1a(key) & 1) == 1 ? "test" : "tune";

    private static bool InTest(JsonElement row)
    {
        var key = row.TryGetProperty("url", out var url) && url.GetString() is { Length: > 0 } u ? u
            : row.TryGetProperty("id", out var id) ? id.GetString() ?? string.Empty
            : string.Empty;
        return PartOf(key) == "test";
    }

    // FNV-1a: stable across runs and platforms, unlike string.GetHashCode.
    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }
}
