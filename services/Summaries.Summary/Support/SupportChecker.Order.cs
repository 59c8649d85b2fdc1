namespace Summaries.Summary.Support;

/// <summary>The order of a claim's words in its sources.</summary>
public sealed partial class SupportChecker
{
    /// <summary>Source words the order check compares at most (its work is their number times the claim's).</summary>
    private const int MaxOrderWords = 4096;

    /// <summary>
    /// The claim's words must appear in the sources largely in the claim's order. Names and
    /// reporting verbs are left out: "X said: “…”" and "“…,” said X" say the same.
    /// </summary>
    private SupportVerdict? Order(List<SupportToken> content, IReadOnlyList<SupportSource> sources, IReadOnlyList<int> indexes)
    {
        if (!model.Enabled("order") || content.Count < 4)
        {
            return null;
        }

        var claimKeys = content.Select(t => t.Key).ToList();
        // Bounded by the claim's size: each claim word can match at most the source words that share its key.
        var wanted = claimKeys.ToHashSet(StringComparer.Ordinal);
        var best = LongestCommon(claimKeys, sources.SelectMany(s => s.ContentKeys).Where(wanted.Contains).Take(MaxOrderWords).ToList());
        var coverage = best / (double)claimKeys.Count;
        return coverage < model.MinOrderedCoverage
            ? SupportVerdict.Fail(SupportFailureKind.NotInSource, string.Empty, $"its words are in the source but not said together ({coverage:0.00} in order)", indexes)
            : null;
    }

    private static int LongestCommon(List<string> a, List<string> b)
    {
        var previous = new int[b.Count + 1];
        var current = new int[b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
            {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Count];
    }
}
