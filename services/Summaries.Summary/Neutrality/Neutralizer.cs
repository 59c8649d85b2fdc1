using System.Text;
using System.Text.RegularExpressions;

namespace Summaries.Summary.Neutrality;

/// <summary>
/// Rewrites the writer's voice of a sentence without loaded words, leaving quoted words alone.
/// A loaded modifier ("soaring tensions") is dropped with any intensifier before it; a loaded word
/// used otherwise is swapped for its neutral replacement; when neither works the sentence is
/// reported as not neutralisable so the caller can leave it out.
/// </summary>
public sealed partial class Neutralizer(LoadedLexicon lexicon)
{
    private static readonly HashSet<string> Intensifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "most", "more", "very", "extremely", "highly", "deeply", "so", "increasingly", "truly", "really", "particularly",
    };

    // Words after which a loaded adjective is not a plain modifier of a noun.
    private static readonly HashSet<string> NonNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "to", "in", "on", "at", "by", "for", "with", "and", "or", "but", "as", "than", "that", "the", "a", "an",
        "is", "are", "was", "were", "be", "been", "it", "this", "these", "those", "from", "into", "over", "after",
    };

    // Words that may open the clause after a reporting verb ("insisted that …", "claimed he …").
    private static readonly HashSet<string> ClauseStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "that", "he", "she", "it", "they", "we", "i", "you", "there", "this", "these", "those", "his", "her", "its", "their",
        "our", "the", "a", "an", "in", "on", "at", "after", "before", "earlier", "later", "last", "during", "without",
    };

    public LoadedLexicon Lexicon { get; } = lexicon;

    /// <summary>The neutral text, or null when a loaded word could not be removed or replaced.</summary>
    public string? Neutralize(string text)
    {
        var matches = Lexicon.FindOutsideQuotes(text);
        if (matches.Count == 0)
        {
            return text;
        }

        var sb = new StringBuilder();
        var cursor = 0;
        foreach (var m in matches)
        {
            var next = NextWord(text, m.End);
            var isModifier = m.Term.Kind == LoadedTermKind.Other && next is not null && char.IsLower(next[0]) && !NonNouns.Contains(next);
            if (m.Term.Kind == LoadedTermKind.Reporting && next is not null && char.IsLower(next[0])
                && !ClauseStarts.Contains(next))
            {
                // "claimed victory": "said victory" is not English, and the verb cannot simply go.
                return null;
            }

            if (isModifier && !m.Term.Term.Contains(' ', StringComparison.Ordinal))
            {
                var removeFrom = m.Start;
                var before = PreviousWord(text[cursor..m.Start]);
                if (before is not null && Intensifiers.Contains(before.Value.Word))
                {
                    removeFrom = cursor + before.Value.Start;
                }

                sb.Append(text, cursor, removeFrom - cursor);
                cursor = SkipSpaces(text, m.End);
            }
            else if (m.Term.Replacement is not null)
            {
                sb.Append(text, cursor, m.Start - cursor);
                sb.Append(MatchCase(text[m.Start..m.End], m.Term.Replacement));
                cursor = m.End;
            }
            else
            {
                return null;
            }
        }

        sb.Append(text, cursor, text.Length - cursor);
        return CollapseSpaces().Replace(sb.ToString(), " ");
    }

    private static string? NextWord(string text, int from)
    {
        var m = WordPattern().Match(text, from);
        return m.Success && text[from..m.Index].Trim().Length == 0 ? m.Value : null;
    }

    private static (string Word, int Start)? PreviousWord(string segment)
    {
        var m = LastWordPattern().Match(segment);
        return m.Success ? (m.Groups[1].Value, m.Groups[1].Index) : null;
    }

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i;
    }

    private static string MatchCase(string original, string replacement) =>
        char.IsUpper(original[0]) ? char.ToUpperInvariant(replacement[0]) + replacement[1..] : replacement;

    [GeneratedRegex(@"[\p{L}][\p{L}\p{N}'’-]*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"([\p{L}]+)\s+$")]
    private static partial Regex LastWordPattern();

    [GeneratedRegex(@" {2,}")]
    private static partial Regex CollapseSpaces();
}
