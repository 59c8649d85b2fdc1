using System.Collections.Frozen;

namespace Summaries.Summary.Text;

/// <summary>
/// The content words of a text for comparing articles: lowercased letters-and-digits runs, function
/// words and reporting verbs dropped, plurals folded ("tankers" → "tanker"), possessives cut.
/// </summary>
public static class ContentWords
{
    private static readonly FrozenSet<string> Stop = """
        a about above after again against all almost along also although always am among an and another any
        are around as at back be became because become been before being below between both but by can could
        did do does doing done down during each either else even ever every few for from further get gets got
        had has have having he her here hers herself him himself his how however i if in into is it its itself
        just last least less like made make many may me might more most much must my myself near neither never
        new next no nor not now of off often on once one only or other others our ours ourselves out over own
        per perhaps put quite rather really said same say says see seen she should since so some still such
        than that the their theirs them themselves then there these they this those though through thus to
        told too two under until up upon us very via was way we well were what when where whether which while
        who whom whose why will with within without would year years yet you your yours yourself mr mrs ms
        week weeks day days today yesterday tomorrow time times three first second going according including
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The content words of <paramref name="text"/>, in order; at most <paramref name="maxWords"/> words are read.</summary>
    public static List<string> Of(string text, int maxWords = int.MaxValue)
    {
        var words = new List<string>();
        var read = 0;
        var i = 0;
        while (i < text.Length && read < maxWords)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] is '\'' or '’' && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
            {
                i++;
            }

            read++;
            if (Normalise(text.AsSpan(start, i - start)) is { } word)
            {
                words.Add(word);
            }
        }

        return words;
    }

    private static string? Normalise(ReadOnlySpan<char> raw)
    {
        var apostrophe = raw.IndexOfAny('\'', '’');
        if (apostrophe >= 0)
        {
            raw = raw[..apostrophe];
        }

        if (raw.Length < 2 || (raw.Length < 3 && !char.IsDigit(raw[0])))
        {
            return null;
        }

        var word = raw.ToString().ToLowerInvariant();
        if (Stop.Contains(word))
        {
            return null;
        }

        return Singular(word);
    }

    private static string Singular(string word)
    {
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.Length > 3 && word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i'))
        {
            return word[..^1];
        }

        return word;
    }
}
