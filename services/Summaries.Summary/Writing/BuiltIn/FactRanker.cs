using System.Text.RegularExpressions;
using Summaries.Summary.Facts;

namespace Summaries.Summary.Writing.BuiltIn;

/// <summary>
/// Scores narrative facts for the built-in writer: news puts the main event first, so position
/// dominates; sentences about the most salient entities rank higher; sentences that open with a
/// pronoun need context the briefing may not give, so they rank lower.
/// </summary>
public sealed partial class FactRanker
{
    /// <summary>Weight of <see cref="Centrality"/> (0–1) against the position prior (0–6).</summary>
    public const double CentralityWeight = 1.0;

    public double Score(Fact fact, FactSheet sheet, Centrality? centrality = null)
    {
        if (fact.Kind != FactKind.Narrative)
        {
            return 0;
        }

        var position = 1.0 / (1.0 + (fact.Position * 0.35));
        var salience = fact.EntityKeys
            .Select(k => sheet.FindEntity(k)?.Salience ?? 0)
            .OrderByDescending(s => s)
            .Take(3)
            .Sum();
        var words = WordCount(fact.Text);
        var lengthFit = words is >= 8 and <= 60 ? 1.0 : 0.5;
        var pronounStart = OpensWithPronoun(fact.Text) ? 0.5 : 1.0;
        var central = centrality?.Score(fact.Id) ?? 0;
        return ((position * 6.0) + salience + (CentralityWeight * central)) * lengthFit * pronounStart;
    }

    public static bool OpensWithPronoun(string text) => PronounStart().IsMatch(text);

    public static int WordCount(string text) => WordPattern().Count(text);

    [GeneratedRegex(@"^\s*(?:He|She|It|They|His|Her|Its|Their|This|These|That|Those|Instead|But|And)\b")]
    private static partial Regex PronounStart();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
