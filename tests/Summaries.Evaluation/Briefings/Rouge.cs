using System.Globalization;
using System.Text.RegularExpressions;

namespace Summaries.Evaluation.Briefings;

/// <summary>ROUGE-1, ROUGE-2 (clipped n-gram overlap) and ROUGE-L (longest common subsequence), as F1, on lowercased words.</summary>
internal static partial class Rouge
{
    public sealed record Scores(double R1, double R2, double RL);

    public static Scores Score(string candidate, string reference)
    {
        var c = Words(candidate);
        var r = Words(reference);
        return new Scores(NGram(c, r, 1), NGram(c, r, 2), Lcs(c, r));
    }

    public static List<string> Words(string text) =>
        WordPattern().Matches(text.ToLower(CultureInfo.InvariantCulture)).Select(m => m.Value).ToList();

    private static double NGram(List<string> c, List<string> r, int n)
    {
        var cc = Counts(c, n);
        var rc = Counts(r, n);
        var overlap = cc.Sum(kv => Math.Min(kv.Value, rc.GetValueOrDefault(kv.Key)));
        return F1(overlap, cc.Values.Sum(), rc.Values.Sum());
    }

    private static Dictionary<string, int> Counts(List<string> words, int n)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= words.Count; i++)
        {
            var key = string.Join(' ', words.GetRange(i, n));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    private static double Lcs(List<string> c, List<string> r)
    {
        var previous = new int[r.Count + 1];
        var current = new int[r.Count + 1];
        for (var i = 1; i <= c.Count; i++)
        {
            for (var j = 1; j <= r.Count; j++)
            {
                current[j] = c[i - 1] == r[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return F1(previous[r.Count], c.Count, r.Count);
    }

    private static double F1(int overlap, int candidate, int reference)
    {
        if (overlap == 0 || candidate == 0 || reference == 0)
        {
            return 0;
        }

        var p = (double)overlap / candidate;
        var rc = (double)overlap / reference;
        return 2 * p * rc / (p + rc);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
