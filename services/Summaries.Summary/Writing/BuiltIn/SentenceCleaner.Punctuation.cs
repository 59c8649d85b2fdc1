using System.Text.RegularExpressions;
using Summaries.Summary.Neutrality;

namespace Summaries.Summary.Writing.BuiltIn;

public static partial class SentenceCleaner
{
    /// <summary>
    /// Punctuation made tidy where the writer's text meets a quote or a cut: one full stop after a
    /// quote that ends its own sentence (".”." → ".”"), none after a comma (",." → "."), no space
    /// before a comma or full stop, one space between words. Inside quotation marks nothing changes.
    /// </summary>
    internal static string Tidy(string text)
    {
        foreach (var (pattern, replacement) in Rules)
        {
            var regions = QuoteRegions.Find(text);
            text = pattern().Replace(text, m => Within(regions, m.Index, m.Index + m.Length) ? m.Value : m.Result(replacement));
        }

        return text.Trim();
    }

    private static readonly (Func<Regex> Pattern, string Replacement)[] Rules =
    [
        (StopAfterQuotedStop, "$1"),
        (StopAfterComma, ""),
        (StrayStop, ""),
        (SpaceBeforeStop, "$1"),
        (DoubleStop, "."),
        (Spaces, " "),
    ];

    // Strictly inside one quote, its marks not touched: a speaker's punctuation, kept as it is.
    private static bool Within(IReadOnlyList<(int Start, int End)> regions, int start, int end) =>
        regions.Any(r => start > r.Start && end < r.End);

    // ".”." and ".".": the quote's own stop ends the sentence; a stray "." or "."" after it goes.
    [GeneratedRegex(@"([.!?][""”’])\s*\.[""”]?(?=\s*$)")]
    private static partial Regex StopAfterQuotedStop();

    // ",." ";." at the sentence's end (a comma inside a quote is the speaker's).
    [GeneratedRegex(@"[,;:]+(?=\.\s*$)")]
    private static partial Regex StopAfterComma();

    // A full stop standing alone inside the sentence, where the page broke a line: "of the . campaign".
    [GeneratedRegex(@"(?<=[\p{L}\d])\s+\.(?=\s+\p{Ll})")]
    private static partial Regex StrayStop();

    // " ," and " ." left where words were cut; an ellipsis written ". . ." stays.
    [GeneratedRegex(@"(?<=[^\s.])\s+([,.;:!?])(?=\s|$)(?!\s+\.)")]
    private static partial Regex SpaceBeforeStop();

    // ".." but not an ellipsis.
    [GeneratedRegex(@"(?<![.])\.\.(?![.])")]
    private static partial Regex DoubleStop();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Spaces();
}
