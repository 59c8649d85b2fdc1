using System.Text.RegularExpressions;
using Summaries.Summary.Facts;
using Summaries.Summary.Text;

namespace Summaries.Summary.Writing.BuiltIn;

/// <summary>
/// Scores narrative facts for the built-in writer: news puts the main event first, so position
/// dominates; sentences about the most salient entities rank higher; sentences that open with a
/// pronoun need context a selection may not give, so they rank lower, unless the caller checks
/// that context itself (<c>readingOrderChecked</c>: the built-in writer's
/// <see cref="ReadingOrder"/>, since a lead's second sentence often opens with "He" or "It").
/// </summary>
public sealed partial class FactRanker(bool readingOrderChecked = false)
{
    /// <summary>Weight of <see cref="Centrality"/> (0–1) against the position prior (0–<see cref="PositionWeight"/>).</summary>
    public const double CentralityWeight = 1.0;

    /// <summary>
    /// Weight of the position prior. At 6, a photo caption run into the next sentence (more names,
    /// so more salience) often displaced the lead's third sentence.
    /// </summary>
    public const double PositionWeight = 10.0;

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
        var words = WordCount.Of(fact.Text);
        var lengthFit = words is >= 8 and <= 60 ? 1.0 : 0.5;
        var pronounStart = !readingOrderChecked && OpensWithPronoun(fact.Text) ? 0.5 : 1.0;
        var central = centrality?.Score(fact.Id) ?? 0;
        return ((position * PositionWeight) + salience + (CentralityWeight * central)) * lengthFit * pronounStart;
    }

    public static bool OpensWithPronoun(string text) => PronounStart().IsMatch(text);

    [GeneratedRegex(@"^\s*(?:He|She|It|They|His|Her|Its|Their|This|These|That|Those|Instead|But|And)\b")]
    private static partial Regex PronounStart();
}
