namespace Summaries.Ingestion.Duplicates;

/// <summary>
/// The set of 5-word shingles of a text, each as a 64-bit hash. Words are runs of letters and digits,
/// lower-cased, so punctuation, quotes and spacing differences between outlets do not matter.
/// </summary>
public static class Shingles
{
    /// <summary>Words per shingle: five makes a shared shingle mean shared phrasing, not a shared topic.</summary>
    public const int Size = 5;

    public static HashSet<ulong> Of(string text)
    {
        var words = WordHashes(text);
        var shingles = new HashSet<ulong>(Math.Max(1, words.Count - Size + 1));
        if (words.Count == 0)
        {
            return shingles;
        }

        // A text shorter than one shingle is one shingle of all its words.
        var count = Math.Min(Size, words.Count);
        for (var start = 0; start + count <= words.Count; start++)
        {
            var hash = 0x9E3779B97F4A7C15UL;
            for (var k = 0; k < count; k++)
            {
                hash = Hashing.Mix((hash * 31) ^ words[start + k]);
            }

            shingles.Add(hash);
        }

        return shingles;
    }

    /// <summary>|A ∩ B| / |A ∪ B|; 0 when both are empty.</summary>
    public static double Jaccard(IReadOnlySet<ulong> a, IReadOnlySet<ulong> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 0;
        }

        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = small.Count(large.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    private static List<ulong> WordHashes(string text)
    {
        var words = new List<ulong>(text.Length / 5);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var hash = 0xCBF29CE484222325UL;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                hash = (hash ^ char.ToLowerInvariant(text[i])) * 0x100000001B3UL;
                i++;
            }

            words.Add(Hashing.Mix(hash));
        }

        return words;
    }
}
