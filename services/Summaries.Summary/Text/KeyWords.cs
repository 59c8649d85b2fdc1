using System.Globalization;
using System.Text.RegularExpressions;

namespace Summaries.Summary.Text;

/// <summary>
/// The words of a sentence that say what it is about, for centrality and coverage: lowercased
/// letters-and-digits runs longer than two characters, a short list of function words dropped.
/// Unlike <see cref="ContentWords"/> (which compares articles), plurals are not folded.
/// </summary>
public static partial class KeyWords
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

    public static HashSet<string> Of(string text) =>
        WordCount.Pattern().Matches(text)
            .Select(m => m.Value.ToLower(CultureInfo.InvariantCulture))
            .Where(w => w.Length > 2 && !StopWords.Contains(w))
            .ToHashSet(StringComparer.Ordinal);
}
