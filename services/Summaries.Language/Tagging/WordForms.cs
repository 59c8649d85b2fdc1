namespace Summaries.Language.Tagging;

/// <summary>
/// How a token's characters are seen by the features: case folded, digits as 0, curly quotes,
/// apostrophes and dashes as their ASCII forms, so that news typography meets the Reuters training
/// text and "1996" generalises to "2024".
/// </summary>
internal static class WordForms
{
    /// <summary>The character as the word features see it.</summary>
    public static char Fold(char c)
    {
        if (c < 128)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c is >= '0' and <= '9' ? '0' : c;
        }

        return c switch
        {
            '’' or '‘' or '‛' or '′' => '\'',
            '“' or '”' or '„' or '«' or '»' or '″' => '"',
            '–' or '—' or '‒' or '―' or '−' => '-',
            _ when char.IsDigit(c) => '0',
            _ => char.ToLowerInvariant(c),
        };
    }

    /// <summary>The character class the shape features see: X, x, d, or the folded character itself.</summary>
    public static char ShapeOf(char c)
    {
        if (char.IsUpper(c))
        {
            return 'X';
        }

        if (char.IsLower(c))
        {
            return 'x';
        }

        if (char.IsDigit(c))
        {
            return 'd';
        }

        // Letters without case (CJK) count as lowercase words; punctuation keeps its own shape.
        return char.IsLetter(c) ? 'x' : Fold(c);
    }

    /// <summary>
    /// The long shape keeps up to four repeats ("Xxxx", "dddd-dd-dd"); the short shape collapses every
    /// run ("Xx", "d-d-d", "X.X."). Written into <paramref name="destination"/>; returns the length.
    /// </summary>
    public static int Shape(ReadOnlySpan<char> word, Span<char> destination, int maxRepeat)
    {
        var length = 0;
        var previous = '\0';
        var run = 0;
        foreach (var c in word)
        {
            var s = ShapeOf(c);
            run = s == previous ? run + 1 : 1;
            previous = s;
            if (run <= maxRepeat && length < destination.Length)
            {
                destination[length++] = s;
            }
        }

        return length;
    }

    /// <summary>Newswire writes double quotes as two backticks or two apostrophes; they are one mark.</summary>
    public static ReadOnlySpan<char> Canonical(string token) => token is "``" or "''" ? "\"" : token;
}
