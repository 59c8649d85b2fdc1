using Summaries.Summary.Facts;

namespace Summaries.Summary.Writing.BuiltIn;

/// <summary>
/// Whether a source sentence can be read where the briefing puts it. A sentence that opens with a
/// pronoun or a connective ("He said", "But the court") leans on the sentence before it: it reads
/// well as its article's first sentence (where nothing comes before it, so the pronoun points
/// forward: "They are the concrete arrows that …") or right after that sentence, and not elsewhere.
/// News leads are often written this way, so leaving such sentences out altogether would break up
/// the lead a briefing should stay close to.
/// </summary>
public sealed class ReadingOrder
{
    private readonly Dictionary<string, string> _previous = new(StringComparer.Ordinal);

    public ReadingOrder(FactSheet sheet)
    {
        for (var i = 1; i < sheet.Facts.Count; i++)
        {
            if (sheet.Facts[i].ArticleName == sheet.Facts[i - 1].ArticleName)
            {
                _previous[sheet.Facts[i].Id] = sheet.Facts[i - 1].Id;
            }
        }
    }

    /// <summary>True when <paramref name="fact"/> stands on its own, or leans only on a sentence in <paramref name="alongside"/>.</summary>
    public bool Readable(Fact fact, IReadOnlySet<string> alongside) =>
        !FactRanker.OpensWithPronoun(fact.Text)
        || !_previous.TryGetValue(fact.Id, out var previous)
        || alongside.Contains(previous);
}
