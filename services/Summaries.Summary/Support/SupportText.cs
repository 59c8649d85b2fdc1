using System.Globalization;
using System.Text.RegularExpressions;
using Summaries.Summary.Facts;
using Summaries.Summary.Text;

namespace Summaries.Summary.Support;

/// <summary>One word of a claim or a source sentence.</summary>
/// <param name="Lower">The word in lower case ("n't" read as "not").</param>
/// <param name="Key">Its comparison key: lemma, or digits for a number word.</param>
/// <param name="Capitalised">Written with a capital not at the start of its sentence (a name, in cased text).</param>
/// <param name="Quoted">Inside double quotation marks: a speaker's words, not the narrator's.</param>
public sealed record SupportToken(string Surface, string Lower, string Key, int Start, int End, bool Capitalised, bool IsNumber, bool Quoted = false);

/// <summary>Splits text into <see cref="SupportToken"/>s, the same way for claims and sources.</summary>
public static partial class SupportText
{
    public static List<SupportToken> Tokens(string text, SupportLexicon lexicon)
    {
        text = Invisible.Strip(text);
        var quoted = QuotedChars(text);
        var tokens = new List<SupportToken>();
        var sentenceStart = true;
        foreach (Match m in WordPattern().Matches(text))
        {
            var surface = m.Value;
            if (surface.Length == 0)
            {
                continue;
            }

            var lower = surface.ToLower(CultureInfo.InvariantCulture).Replace('’', '\'');
            if (m.Index > 0 && text[m.Index - 1] is '\'' or '’' && Clitics.Contains(lower))
            {
                // A clitic written apart from its word ("Locke 's", "they 're"), as tokenised text has it.
                if (lower == "t")
                {
                    tokens.Add(Make("not", "not", m.Index, m.Index + m.Length, false, lexicon));
                }

                continue;
            }

            if (lower is "n't" or "'t")
            {
                lower = "not";
            }

            if (lower.EndsWith("n't", StringComparison.Ordinal) && lower.Length > 3)
            {
                // "didn't" → "did" + "not"; "can't" → "can" + "not".
                var head = lower[..^3];
                tokens.Add(Make(surface[..^3], head, m.Index, m.Index + surface.Length - 3, sentenceStart, lexicon));
                tokens.Add(Make("not", "not", m.Index + surface.Length - 3, m.Index + surface.Length, false, lexicon));
                sentenceStart = false;
                continue;
            }

            if (lower.StartsWith('\''))
            {
                // A clitic ("'s", "'re") or an opening quote mark read as part of the word.
                lower = lower.TrimStart('\'');
                if (lower.Length == 0 || lower is "s" or "re" or "ve" or "ll" or "d" or "m")
                {
                    continue;
                }
            }

            if (lower.EndsWith("'s", StringComparison.Ordinal))
            {
                lower = lower[..^2];
            }

            lower = lower.Trim('\'');
            if (lower.Length == 0)
            {
                continue;
            }

            tokens.Add(Make(surface, lower, m.Index, m.Index + m.Length, sentenceStart, lexicon) with { Quoted = quoted[m.Index] });
            sentenceStart = false;
        }

        return tokens;
    }

    /// <summary>Which characters stand inside double quotation marks (curly pairs nest, straight ones toggle).</summary>
    private static bool[] QuotedChars(string text)
    {
        var inside = new bool[text.Length + 1];
        var depth = 0;
        var straight = false;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '“':
                    depth++;
                    break;
                case '”':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '"':
                    straight = !straight;
                    break;
            }

            inside[i] = depth > 0 || straight;
        }

        return inside;
    }

    private static readonly HashSet<string> Clitics = new(StringComparer.Ordinal) { "s", "re", "ve", "ll", "d", "m", "t" };

    private static SupportToken Make(string surface, string lower, int start, int end, bool sentenceStart, SupportLexicon lexicon)
    {
        var isNumber = char.IsDigit(lower[0]);
        var number = isNumber ? NumberKey(lower) : lexicon.NumberOf(lower);
        var key = number ?? lexicon.Lemma(lower);
        var capitalised = !sentenceStart && char.IsUpper(surface[0]);
        return new SupportToken(surface, lower, key, start, end, capitalised, isNumber || number is not null);
    }

    /// <summary>"25,000" → "25000"; "3.50" stays; "1million" → "1000000".</summary>
    private static string NumberKey(string lower)
    {
        var digits = lower.Replace(",", string.Empty, StringComparison.Ordinal);
        if (digits.EndsWith("million", StringComparison.Ordinal) && decimal.TryParse(digits[..^7], CultureInfo.InvariantCulture, out var m))
        {
            return (m * 1_000_000m).ToString("0.##", CultureInfo.InvariantCulture);
        }

        if (digits.EndsWith("bn", StringComparison.Ordinal) && decimal.TryParse(digits[..^2], CultureInfo.InvariantCulture, out var b))
        {
            return (b * 1_000_000_000m).ToString("0.##", CultureInfo.InvariantCulture);
        }

        return digits;
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’]*(?:[.,][\p{N}]+)*|n't")]
    private static partial Regex WordPattern();
}
