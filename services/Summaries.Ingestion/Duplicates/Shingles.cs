using System.Buffers;
using System.Runtime.CompilerServices;

namespace Summaries.Ingestion.Duplicates;

/// <summary>
/// The set of 5-word shingles of a text, each as a 64-bit hash. Words are runs of letters and digits,
/// lower-cased, so punctuation, quotes and spacing differences between outlets do not matter.
/// </summary>
public static class Shingles
{
    /// <summary>Words per shingle: five makes a shared shingle mean shared phrasing, not a shared topic.</summary>
    public const int Size = 5;

    public static HashSet<ulong> Of(string text) => [.. Hashes(text)];

    // Optimised at the first call rather than tiered: on a busy 2-CPU machine the tiering JIT reached
    // these loops only after thousands of articles had run through their unoptimised code.
    /// <summary>
    /// The shingle hashes in text order, repeats included: what MinHash needs (a repeat cannot change a
    /// minimum), without building the set.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong[] Hashes(string text)
    {
        // Words are separated by at least one other character.
        var buffer = ArrayPool<ulong>.Shared.Rent((text.Length / 2) + 1);
        try
        {
            var words = buffer.AsSpan(0, WordHashes(text, buffer));
            if (words.IsEmpty)
            {
                return [];
            }

            // A text shorter than one shingle is one shingle of all its words.
            var count = Math.Min(Size, words.Length);
            var shingles = new ulong[words.Length - count + 1];
            for (var start = 0; start < shingles.Length; start++)
            {
                var hash = 0x9E3779B97F4A7C15UL;
                foreach (var word in words.Slice(start, count))
                {
                    hash = Hashing.Mix((hash * 31) ^ word);
                }

                shingles[start] = hash;
            }

            return shingles;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(buffer);
        }
    }

    /// <summary>|A ∩ B| / |A ∪ B|; 0 when both are empty.</summary>
    public static double Jaccard(IReadOnlySet<ulong> a, IReadOnlySet<ulong> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 0;
        }

        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = 0;
        foreach (var shingle in small)
        {
            if (large.Contains(shingle))
            {
                shared++;
            }
        }

        return (double)shared / (a.Count + b.Count - shared);
    }

    /// <summary>FNV-1a of each lower-cased word, mixed; written to <paramref name="words"/>, the count returned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int WordHashes(string text, ulong[] words)
    {
        // One pass, one table load per ASCII character (the word test and the lower-casing together).
        var fold = AsciiFold;
        var count = 0;
        var hash = 0UL;
        var inWord = false;
        foreach (var c in text)
        {
            uint folded = c < 0x80 ? fold[c] : char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : 0u;
            if (folded == 0)
            {
                if (inWord)
                {
                    words[count++] = Hashing.Mix(hash);
                    inWord = false;
                }

                continue;
            }

            if (!inWord)
            {
                hash = 0xCBF29CE484222325UL;
                inWord = true;
            }

            hash = (hash ^ folded) * 0x100000001B3UL;
        }

        if (inWord)
        {
            words[count++] = Hashing.Mix(hash);
        }

        return count;
    }

    /// <summary>For each ASCII character: itself lower-cased when it is a letter or digit, otherwise 0.</summary>
    private static readonly byte[] AsciiFold = Enumerable.Range(0, 0x80)
        .Select(c => char.IsAsciiLetterOrDigit((char)c) ? (byte)char.ToLowerInvariant((char)c) : (byte)0)
        .ToArray();
}
