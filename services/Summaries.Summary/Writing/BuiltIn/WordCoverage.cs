namespace Summaries.Summary.Writing.BuiltIn;

/// <summary>
/// The content words a briefing has said so far. A source sentence whose content words were mostly
/// said already (a photo caption restating the lead, a paragraph that repeats an earlier one) adds
/// length and no information, so the writer passes over it.
/// </summary>
public sealed class WordCoverage
{
    /// <summary>Share of a sentence's content words already said above which it is a repetition.</summary>
    public const double RepeatShare = 0.85;

    private readonly HashSet<string> _said = new(StringComparer.Ordinal);

    public bool Repeats(string text)
    {
        var words = Centrality.ContentWords(text);
        return words.Count > 0 && words.Count(_said.Contains) >= RepeatShare * words.Count;
    }

    public void Add(string text) => _said.UnionWith(Centrality.ContentWords(text));
}
