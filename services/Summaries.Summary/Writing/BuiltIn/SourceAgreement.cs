using Summaries.Summary.Facts;
using Summaries.Summary.Support;

namespace Summaries.Summary.Writing.BuiltIn;

/// <summary>
/// Finds sentences in other articles that say the same thing, so a claim the sources agree on is
/// written once and cites every source that makes it. Alike in wording is not enough: the other
/// sentence must carry the claim's names, numbers, times, places and predicate, with the same
/// polarity (<see cref="SheetSupport"/>'s core check), or a report of another day, place or
/// topic written from the same template would be cited as agreeing.
/// </summary>
public sealed class SourceAgreement(FactSheet sheet, SheetSupport support, CancellationToken cancellationToken = default)
{
    private const double Threshold = 0.5;

    private readonly IReadOnlyDictionary<string, HashSet<string>> _words = FactWords.Of(sheet, cancellationToken);

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
            if (union > 0 && (double)overlap / union >= Threshold && support.Check(fact.Text, [other], sheet, core: true).Supported)
            {
                ids.Add(other.Id);
            }
        }

        return ids;
    }
}
