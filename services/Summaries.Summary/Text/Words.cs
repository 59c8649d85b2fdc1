using System.Globalization;
using System.Text.RegularExpressions;

namespace Summaries.Summary.Text;

/// <summary>Lower-cased word runs (n-grams), for spotting text one passage repeats from another.</summary>
public static partial class Words
{
    public static List<string> Of(string text) =>
        WordPattern().Matches(Invisible.Strip(text).Replace('’', '\'')).Select(m => m.Value.ToLower(CultureInfo.InvariantCulture)).ToList();

    /// <summary>Every run of <paramref name="n"/> consecutive words, joined by single spaces.</summary>
    public static IEnumerable<string> Runs(string text, int n) => Runs(Of(text), n);

    public static IEnumerable<string> Runs(IReadOnlyList<string> words, int n)
    {
        for (var i = 0; i + n <= words.Count; i++)
        {
            yield return string.Join(' ', words.Skip(i).Take(n));
        }
    }

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex WordPattern();
}
