using System.Globalization;
using System.Text;

namespace Summaries.Ingestion.Cleaning;

/// <summary>
/// Unicode Normalization Form C from the platform (ICU on Linux), plus the two things cleaning needs
/// around it: where text may be cut into pieces that normalise independently (so each piece maps
/// back to its own run of the original), and the stream-safe limit on combining marks (UAX #15),
/// without which normalising a letter followed by thousands of marks of mixed classes costs
/// quadratic time, in ICU as much as in any canonical reordering.
/// </summary>
public static class Nfc
{
    /// <summary>UAX #15 stream-safe text format: at most 30 non-starters in a row.</summary>
    public const int MaxNonStarters = 30;

    /// <summary>COMBINING GRAPHEME JOINER: a starter that blocks reordering and composition, and shows nothing.</summary>
    public const char GraphemeJoiner = '\u034F';

    // With InvariantGlobalization=true, Normalize returns its input and IsNormalized says true:
    // cleaning would silently stop composing. Checked once, and refused loudly where it is so.
    private static readonly bool IcuNormalizes = "e\u0301".Normalize(NormalizationForm.FormC) == "\u00E9";

    /// <summary>Throws when the runtime cannot normalise (invariant globalization mode).</summary>
    public static void EnsureAvailable()
    {
        if (!IcuNormalizes)
        {
            throw new InvalidOperationException(
                "Unicode normalisation is unavailable: this process runs with InvariantGlobalization (or "
                + "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT) on, where string.Normalize does nothing. Ingestion needs ICU.");
        }
    }

    /// <summary>
    /// True when copying <paramref name="text"/> unchanged is its clean form: already NFC, no lone
    /// surrogate (ICU refuses them) and no run of combining marks longer than <see cref="MaxNonStarters"/>.
    /// </summary>
    public static bool IsStable(ReadOnlySpan<char> text)
    {
        // Below U+0300 every character is NFC whatever surrounds it: the common case needs no ICU call.
        var at = text.IndexOfAnyExceptInRange('\0', '\u02FF');
        if (at < 0)
        {
            return true;
        }

        var marks = 0;
        for (var i = at; i < text.Length; i++)
        {
            var c = text[i];
            Rune rune;
            if (!char.IsSurrogate(c))
            {
                rune = new Rune(c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                rune = new Rune(c, text[++i]);
            }
            else
            {
                return false;
            }

            marks = IsCombiningMark(rune) ? marks + 1 : 0;
            if (marks > MaxNonStarters)
            {
                return false;
            }
        }

        EnsureAvailable();
        return text.IsNormalized(NormalizationForm.FormC);
    }

    /// <summary>The NFC form of a piece of text without lone surrogates.</summary>
    public static string Normalize(ReadOnlySpan<char> text)
    {
        EnsureAvailable();
        return text.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// A combining mark (Mn, Mc, Me) other than the grapheme joiner (a starter, though Mn). Every
    /// character with a non-zero canonical combining class is one, so counting these over-approximates
    /// UAX #15's non-starters: runs stay bounded, and text cleaned once comes back unchanged.
    /// </summary>
    public static bool IsCombiningMark(Rune rune) =>
        rune.Value != GraphemeJoiner
        && Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>
    /// True when NFC cannot join a piece starting with <paramref name="rune"/> to what precedes it: a
    /// starter that never combines backwards nor decomposes into a non-starter. Marks, Hangul medial
    /// vowels and final consonants (which compose into syllables) and unassigned code points (which a
    /// newer ICU may know as marks) are not boundaries; a test holds this against ICU for every code point.
    /// </summary>
    public static bool IsBoundary(Rune rune) =>
        rune.Value < 0x300
        || (!IsCombiningMark(rune) && !IsHangulVowelOrTrail(rune.Value) && Rune.GetUnicodeCategory(rune) != UnicodeCategory.OtherNotAssigned);

    // U+1161..U+1175 medial vowels, U+11A8..U+11C2 final consonants: the jamo that compose after a
    // leading consonant or an LV syllable (UAX #15's Hangul composition).
    private static bool IsHangulVowelOrTrail(int value) => value is (>= 0x1161 and <= 0x1175) or (>= 0x11A8 and <= 0x11C2);
}
