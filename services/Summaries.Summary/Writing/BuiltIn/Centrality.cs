using Summaries.Summary.Facts;
using Summaries.Summary.Text;

namespace Summaries.Summary.Writing.BuiltIn;

/// <summary>
/// How central a sentence is to its sources: the content words it shares with the other sentences
/// (a word the sources keep coming back to is what the story is about), per square root of its own
/// length so long sentences do not win by size alone.
/// </summary>
public sealed class Centrality
{
    private readonly Dictionary<string, HashSet<string>> _words;
    private readonly Dictionary<string, double> _scores;

    /// <summary>The scores of the sheet's facts; reading their words stops when <paramref name="cancellationToken"/> fires.</summary>
    public Centrality(FactSheet sheet, CancellationToken cancellationToken = default)
    {
        _words = sheet.Facts.ToDictionary(
            f => f.Id,
            f =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                return KeyWords.Of(f.Text);
            },
            StringComparer.Ordinal);
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
}
