using System.Text.RegularExpressions;

namespace Summaries.Summary.Text;

/// <summary>How many words (runs of letters and digits) a text has: the length measure of facts, quotes and sentences.</summary>
public static partial class WordCount
{
    public static int Of(string text) => Pattern().Count(text);

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    internal static partial Regex Pattern();
}
