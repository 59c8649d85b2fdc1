using System.Globalization;
using System.Text.RegularExpressions;
using Summaries.Summary.Facts;

namespace Summaries.Summary.Writing.BuiltIn;

/// <summary>
/// How central a sentence is to its sources: the content words it shares with the other sentences
/// (a word the sources keep coming back to is what the story is about), per square root of its own
/// length so long sentences do not win by size alone.
/// </summary>
public sealed partial class Centrality
{
    private static readonly HashSet<string> StopWords = new(
        """
        the and for are but not you all any can had her was one our out has have him his how its may new now
        old see two who did get let put say she too use that with this from they will would there their what
        been were when which said says also into more than then them these those some such only other over
        after before about could should just like very most made make many much where while being does each
        because between during under again further once here both same own off until against through above
        below upon your yours ours mr mrs ms
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    private readonly Dictionary<string, HashSet<string>> _words;
    private readonly Dictionary<string, double> _scores;

    public Centrality(FactSheet sheet)
    {
        _words = sheet.Facts.ToDictionary(f => f.Id, f => ContentWords(f.Text), StringComparer.Ordinal);
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var words in _words.Values)
        {
            foreach (var word in words)
            {
                frequency[word] = frequency.GetValueOrDefault(word) + 1;
            }
        }

        _scores = _words.ToDictionary(
            kv => kv.Key,
            kv => kv.Value.Count == 0 ? 0 : kv.Value.Sum(w => Math.Log(frequency[w])) / Math.Sqrt(kv.Value.Count),
            StringComparer.Ordinal);
        var max = _scores.Values.DefaultIfEmpty(0).Max();
        if (max > 0)
        {
            foreach (var id in _scores.Keys.ToList())
            {
                _scores[id] /= max;
            }
        }
    }

    /// <summary>0 (shares nothing) to 1 (the most central sentence of the sheet).</summary>
    public double Score(string factId) => _scores.GetValueOrDefault(factId);

    public static HashSet<string> ContentWords(string text) =>
        Words().Matches(text)
            .Select(m => m.Value.ToLower(CultureInfo.InvariantCulture))
            .Where(w => w.Length > 2 && !StopWords.Contains(w))
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();
}
