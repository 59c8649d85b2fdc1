using System.Text;

namespace Summaries.Ingestion.Cleaning.Unicode;

/// <summary>
/// Unicode Normalization Form C (UAX #15). The services run with <c>InvariantGlobalization=true</c>,
/// where <see cref="string.Normalize()"/> returns its input unchanged and <c>IsNormalized</c> always
/// says true, so this implements canonical decomposition, ordering and composition itself.
/// </summary>
public static class UnicodeNfc
{
    private static UnicodeData Data => UnicodeData.Instance;

    /// <summary>The NFC form of <paramref name="text"/>.</summary>
    public static string Normalize(ReadOnlySpan<char> text)
    {
        if (IsQuickStable(text))
        {
            return text.ToString();
        }

        var codePoints = Decompose(text);
        Reorder(codePoints);
        Compose(codePoints);
        var builder = new StringBuilder(text.Length);
        foreach (var cp in codePoints)
        {
            if (cp is >= 0xD800 and <= 0xDFFF)
            {
                // A lone surrogate (possible in a .NET string, not in a protobuf one) stays as it is.
                builder.Append((char)cp);
            }
            else
            {
                builder.Append(char.ConvertFromUtf32(cp));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// True when NFC cannot change a chunk starting at this code point because of anything before
    /// it: a starter that never combines backwards and does not decompose into a non-starter. Text can
    /// be normalised piece by piece between such boundaries.
    /// </summary>
    public static bool IsBoundary(int codePoint)
    {
        if (codePoint < 0x300)
        {
            return true;
        }

        if (Data.CombiningClass(codePoint) != 0 || Data.SecondOfPair.Contains(codePoint) || IsHangulVowelOrTrail(codePoint))
        {
            return false;
        }

        return !Data.Decompositions.TryGetValue(codePoint, out var mapping) || Data.CombiningClass(mapping[0]) == 0;
    }

    /// <summary>True when every code point is one NFC leaves alone whatever surrounds it (the common case).</summary>
    public static bool IsQuickStable(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c >= 0x300 && !IsStable(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsStable(char c) =>
        !char.IsSurrogate(c) && IsBoundary(c) && !Data.Decompositions.ContainsKey(c) && !IsHangulSyllable(c);

    private static List<int> Decompose(ReadOnlySpan<char> text)
    {
        var result = new List<int>(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            int cp = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                cp = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }

            if (IsHangulSyllable(cp))
            {
                var s = cp - UnicodeData.HangulSBase;
                result.Add(UnicodeData.HangulLBase + (s / UnicodeData.HangulNCount));
                result.Add(UnicodeData.HangulVBase + (s % UnicodeData.HangulNCount / UnicodeData.HangulTCount));
                if (s % UnicodeData.HangulTCount != 0)
                {
                    result.Add(UnicodeData.HangulTBase + (s % UnicodeData.HangulTCount));
                }
            }
            else if (Data.Decompositions.TryGetValue(cp, out var mapping))
            {
                result.AddRange(mapping);
            }
            else
            {
                result.Add(cp);
            }
        }

        return result;
    }

    /// <summary>Canonical ordering: a stable sort of each run of non-starters by combining class.</summary>
    private static void Reorder(List<int> codePoints)
    {
        for (var i = 1; i < codePoints.Count; i++)
        {
            var current = codePoints[i];
            var ccc = Data.CombiningClass(current);
            if (ccc == 0)
            {
                continue;
            }

            var j = i;
            while (j > 0 && Data.CombiningClass(codePoints[j - 1]) > ccc)
            {
                codePoints[j] = codePoints[j - 1];
                j--;
            }

            codePoints[j] = current;
        }
    }

    /// <summary>Canonical composition, in place (UAX #15, "blocked" by an intervening mark of equal or higher class).</summary>
    private static void Compose(List<int> codePoints)
    {
        if (codePoints.Count == 0)
        {
            return;
        }

        var starterPos = 0;
        var starter = codePoints[0];
        // A leading non-starter has no starter to combine with.
        var lastClass = Data.CombiningClass(starter) == 0 ? 0 : 256;
        var write = 1;
        for (var read = 1; read < codePoints.Count; read++)
        {
            var cp = codePoints[read];
            var ccc = Data.CombiningClass(cp);
            var composite = lastClass != 256 ? TryCompose(starter, cp) : -1;
            if (composite >= 0 && (lastClass < ccc || lastClass == 0))
            {
                codePoints[starterPos] = composite;
                starter = composite;
                continue;
            }

            if (ccc == 0)
            {
                starterPos = write;
                starter = cp;
            }

            lastClass = ccc;
            codePoints[write++] = cp;
        }

        codePoints.RemoveRange(write, codePoints.Count - write);
    }

    private static int TryCompose(int first, int second)
    {
        if (first - UnicodeData.HangulLBase is >= 0 and < UnicodeData.HangulLCount
            && second - UnicodeData.HangulVBase is >= 0 and < UnicodeData.HangulVCount)
        {
            return UnicodeData.HangulSBase
                + ((((first - UnicodeData.HangulLBase) * UnicodeData.HangulVCount) + second - UnicodeData.HangulVBase) * UnicodeData.HangulTCount);
        }

        if (IsHangulSyllable(first) && (first - UnicodeData.HangulSBase) % UnicodeData.HangulTCount == 0
            && second - UnicodeData.HangulTBase is > 0 and < UnicodeData.HangulTCount)
        {
            return first + second - UnicodeData.HangulTBase;
        }

        return Data.Compositions.TryGetValue(UnicodeData.Key(first, second), out var composite) ? composite : -1;
    }

    private static bool IsHangulSyllable(int cp) => cp - UnicodeData.HangulSBase is >= 0 and < UnicodeData.HangulSCount;

    private static bool IsHangulVowelOrTrail(int cp) =>
        cp - UnicodeData.HangulVBase is >= 0 and < UnicodeData.HangulVCount
        || cp - UnicodeData.HangulTBase is > 0 and < UnicodeData.HangulTCount;
}
