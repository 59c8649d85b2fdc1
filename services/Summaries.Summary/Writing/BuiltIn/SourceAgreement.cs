using System.Globalization;
using System.Text.RegularExpressions;
using Summaries.Summary.Facts;

namespace Summaries.Summary.Writing.BuiltIn;

/// <summary>
/// Finds sentences in other articles that say nearly the same thing, so a claim the sources
/// agree on is written once and cites every source that makes it.
/// </summary>
public sealed partial class SourceAgreement(FactSheet sheet)
{
    private const double Threshold = 0.5;

    private readonly Dictionary<string, HashSet<string>> _words = sheet.Facts.ToDictionary(
        f => f.Id,
        f => Words().Matches(f.Text).Select(m => m.Value.ToLower(CultureInfo.InvariantCulture)).Where(w => w.Length > 2).ToHashSet(),
        StringComparer.Ordinal);

    /// <summary>The fact's own id followed by the ids of agreeing facts in other articles.</summary>
    public IReadOnlyList<string> Supporting(Fact fact)
    {
        var ids = new List<string> { fact.Id };
        var mine = _words[fact.Id];
        if (mine.Count == 0)
        {
            return ids;
        }

        foreach (var other in sheet.Facts)
        {
            if (other.ArticleName == fact.ArticleName || other.Kind != FactKind.Narrative)
            {
                continue;
            }

            var theirs = _words[other.Id];
            var overlap = mine.Count(theirs.Contains);
            var union = mine.Count + theirs.Count - overlap;
            if (union > 0 && (double)overlap / union >= Threshold)
            {
                ids.Add(other.Id);
            }
        }

        return ids;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();
}
