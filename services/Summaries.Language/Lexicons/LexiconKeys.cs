using System.Globalization;
using System.Text;

namespace Summaries.Language.Lexicons;

/// <summary>One normal form for comparing words from lists with words from text.</summary>
internal static class LexiconKeys
{
    /// <summary>Lowercase, curly apostrophes made straight, periods dropped ("U.S." and "US" meet as "us").</summary>
    public static string Normalize(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            switch (c)
            {
                case '.':
                    break;
                case '’' or '‘':
                    builder.Append('\'');
                    break;
                default:
                    builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
                    break;
            }
        }

        // A lone "." or "..." would vanish entirely; keep something that matches nothing.
        return builder.Length == 0 ? word : builder.ToString();
    }

    /// <summary>
    /// Splits a list entry the way the tokenizer splits text: on spaces, with a possessive "'s" as its own token.
    /// </summary>
    public static IReadOnlyList<string> SplitPhrase(string phrase)
    {
        var parts = new List<string>();
        foreach (var word in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length > 2 && (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal)))
            {
                parts.Add(word[..^2]);
                parts.Add("'s");
            }
            else
            {
                parts.Add(word);
            }
        }

        return parts;
    }

    public static bool IsAllCaps(string word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters >= 2;
    }
}
