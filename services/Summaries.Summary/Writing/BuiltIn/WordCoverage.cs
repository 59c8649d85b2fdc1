using Summaries.Summary.Text;

namespace Summaries.Summary.Writing.BuiltIn;

/// <summary>
/// The content words a briefing has said so far. A source sentence whose content words were mostly
/// said already (a photo caption restating the lead, a paragraph that repeats an earlier one), or
/// that says much the same as one sentence said (another outlet's wording of the same news), adds
/// length and no information, so the writer passes over it.
/// </summary>
public sealed class WordCoverage(bool sayingsCompared = true)
{
    /// <summary>Share of a sentence's content words already said above which it is a repetition.</summary>
    public const double RepeatShare = 0.85;

    /// <summary>Share of the shorter sentence's content words two sentences share above which they say the same.</summary>
    public const double SameShare = 0.5;

    private readonly HashSet<string> _said = new(StringComparer.Ordinal);
    private readonly List<HashSet<string>> _sentences = [];

    public bool Repeats(string text)
    {
        var words = KeyWords.Of(text);
        return words.Count > 0 && words.Count(_said.Contains) >= RepeatShare * words.Count;
    }

    /// <summary>
    /// One sentence said already says much the same: half the content words of the shorter of the
    /// two are shared ("X was ruled out with a groin injury" beside "X suffered a groin injury that
    /// rules him out"). Two reports of one event word the same news differently.
    /// </summary>
    public bool SaysAgain(string text)
    {
        var words = ContentWords.Of(text).ToHashSet(StringComparer.Ordinal);
        return sayingsCompared && words.Count > 0 && _sentences.Any(s => s.Count > 0 && words.Count(s.Contains) >= SameShare * Math.Min(s.Count, words.Count));
    }

    public void Add(string text)
    {
        _said.UnionWith(KeyWords.Of(text));
        // Plurals folded, so "contracts" and "contract" count as one word.
        _sentences.Add(ContentWords.Of(text).ToHashSet(StringComparer.Ordinal));
    }
}
