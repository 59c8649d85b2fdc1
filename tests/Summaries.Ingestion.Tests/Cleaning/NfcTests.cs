using System.Globalization;
using System.Text;
using Summaries.Ingestion.Cleaning;

namespace Summaries.Ingestion.Tests.Cleaning;

/// <summary>NFC as cleaning applies it: from ICU, cut into pieces at boundaries, stream-safe.</summary>
public sealed class NfcTests
{
    [Fact]
    public void StringNormalize_InTheTestProcess_ComposesThroughIcu()
    {
        // InvariantGlobalization=false here as in the service; with it on, this returns its input.
        Assert.Equal("\u00E9", "e\u0301".Normalize(NormalizationForm.FormC));
        Nfc.EnsureAvailable();
    }

    [Theory]
    [InlineData("e\u0301", "\u00E9")]
    [InlineData("Cafe\u0301 au lait", "Caf\u00E9 au lait")]
    [InlineData("Caf\u00E9", "Caf\u00E9")] // already composed: left alone
    [InlineData("\u212B", "\u00C5")] // Angstrom sign: a singleton decomposition
    [InlineData("\u2126", "\u03A9")] // Ohm sign
    [InlineData("a\u0323\u0302", "\u1EAD")] // marks out of canonical order, then composed
    [InlineData("a\u0302\u0323", "\u1EAD")]
    [InlineData("\u1100\u1161\u11A8", "\uAC01")] // Hangul jamo compose algorithmically
    [InlineData("\uAC00\u11A8", "\uAC01")] // an LV syllable takes a final consonant
    [InlineData("\u1100\u1161", "\uAC00")]
    [InlineData("\uFB01", "\uFB01")] // a compatibility ligature is not NFC's business
    [InlineData("\U0001D15E", "\U0001D157\U0001D165")] // composition exclusion outside the BMP: stays decomposed
    [InlineData("plain ASCII", "plain ASCII")]
    public void Clean_KnownCases_Nfc(string input, string expected) =>
        Assert.Equal(expected, TextCleaner.Clean(input).Text);

    [Fact]
    public void Clean_LoneSurrogate_KeptAsItIs()
    {
        // Not possible in a protobuf string, but a .NET string may carry one; ICU would throw.
        Assert.Equal("x\uD800\u00E9", TextCleaner.Clean("x\uD800e\u0301").Text);
    }

    [Fact]
    public void IsBoundary_EveryCodePoint_AgreesWithIcu()
    {
        // Code points that ICU composes onto something before them: every one after the first in the
        // full decomposition of a character that NFC recomposes (Hangul syllables included).
        var combinesBackwards = new HashSet<int>();
        var wrong = new List<string>();
        for (var cp = 0; cp <= 0x10FFFF; cp++)
        {
            if (!Rune.IsValid(cp) || Rune.GetUnicodeCategory(new Rune(cp)) is UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse)
            {
                continue;
            }

            var text = new Rune(cp).ToString();
            var decomposed = text.Normalize(NormalizationForm.FormD);
            if (decomposed != text && decomposed.Normalize(NormalizationForm.FormC) == text)
            {
                foreach (var part in decomposed.EnumerateRunes().Skip(1))
                {
                    combinesBackwards.Add(part.Value);
                }
            }

            // A decomposition starting with a non-starter is reordered behind a preceding mark of class 240.
            if (Nfc.IsBoundary(new Rune(cp)) && ("\u0345" + text).Normalize(NormalizationForm.FormD) != "\u0345" + decomposed)
            {
                wrong.Add($"U+{cp:X4} starts with a non-starter");
            }
        }

        wrong.AddRange(combinesBackwards.Where(cp => Nfc.IsBoundary(new Rune(cp))).Select(cp => $"U+{cp:X4} combines backwards"));
        Assert.True(combinesBackwards.Count > 100, $"only {combinesBackwards.Count} backward-combining code points found");
        Assert.Empty(wrong);
    }

    [Fact]
    public void Clean_RandomMarkHeavyWords_SameAsNormalisingTheWholeWord()
    {
        // Pieces the boundaries must not split wrongly: starters, marks of several classes, jamo,
        // syllables, singletons, starters that decompose, a composition exclusion, a non-BMP letter.
        string[] pieces =
        [
            "a", "e", "o", "u", "A", "\u00E9", "\u00FC", "\u0301", "\u0308", "\u0323", "\u0327", "\u0345", "\u0334", "\u05B0",
            "\u1100", "\u1161", "\u11A8", "\uAC00", "\uAC01", "\u212B", "\u2126", "\u0344", "\u0F73", "\u0B47", "\u0B3E",
            "\u09C7", "\u09BE", "\u3099", "\u304B", "\U0001D15E", "\U0001D165", "\U00010400", "\u1E9B", "\u0958",
        ];
        var random = new Random(1515);
        for (var i = 0; i < 5_000; i++)
        {
            var word = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            Assert.Equal(word.Normalize(NormalizationForm.FormC), TextCleaner.Clean(word).Text);
        }
    }
}
