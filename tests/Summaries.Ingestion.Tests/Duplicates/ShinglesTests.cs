using Summaries.Ingestion.Cleaning;
using Summaries.Ingestion.Duplicates;
using Summaries.Ingestion.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Summaries.Ingestion.Tests.Duplicates;

public sealed class ShinglesTests(ITestOutputHelper output)
{
    [Fact]
    public void Of_PunctuationCaseAndSpacing_DoNotMatter() =>
        Assert.Equal(
            Shingles.Of("“This is very good,” Mr Xi said."),
            Shingles.Of("THIS is very good — Mr. Xi said"));

    [Fact]
    public void Of_ShortText_OneShingle() =>
        Assert.Single(Shingles.Of("Two words"));

    [Fact]
    public void Jaccard_EditedExampleArticle_WellAboveThreshold()
    {
        var original = Shingles.Of(TextCleaner.Clean(SeedTexts.Blinken).Text);
        var edited = Shingles.Of(TextCleaner.Clean(SeedTexts.EditedBlinken).Text);

        var similarity = Shingles.Jaccard(original, edited);
        output.WriteLine($"Jaccard(example, edited copy) = {similarity:F3}");
        Assert.InRange(similarity, 0.75, 0.99);
    }

    [Fact]
    public void BandKeys_EditedExampleArticle_ShareMostBands()
    {
        var original = TextFingerprint.Of(TextCleaner.Clean(SeedTexts.Blinken).Text);
        var edited = TextFingerprint.Of(TextCleaner.Clean(SeedTexts.EditedBlinken).Text);

        Assert.Equal(MinHashBands.Bands, original.BandKeys.Count);
        Assert.True(original.BandKeys.Intersect(edited.BandKeys).Count() >= 4);
    }

    [Fact]
    public void BandKeys_UnrelatedTexts_ShareNone()
    {
        var a = TextFingerprint.Of(TextCleaner.Clean(SeedTexts.Blinken).Text);
        var b = TextFingerprint.Of(string.Join(' ', Enumerable.Range(0, 400).Select(i => $"word{i}")));

        Assert.Empty(a.BandKeys.Intersect(b.BandKeys));
    }

    [Fact]
    public void BandKeys_NoWords_None() =>
        Assert.Empty(TextFingerprint.Of("… — !").BandKeys);
}

/// <summary>
/// The word hashing reads each ASCII character through a table; stored band keys depend on its output,
/// so it must give exactly what the plain definition gives (letters and digits, lower-cased, FNV-1a).
/// </summary>
public sealed class ShinglesDefinitionTests
{
    [Fact]
    public void Hashes_SeedsAndNoisyTexts_SameAsThePlainDefinition()
    {
        var random = new Random(5);
        const string alphabet = "abcXYZ019 ,.;'\"-\n\tÉéßİıΣσЖж中文😀\u00A0\u2014\u0301";
        var texts = new List<string> { SeedTexts.Blinken, SeedTexts.EditedBlinken, "", "x", "!!", "Ünïcödé WORDS ünïcödé words" };
        for (var i = 0; i < 500; i++)
        {
            texts.Add(new string(Enumerable.Range(0, random.Next(0, 400)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()));
        }

        Assert.All(texts, text => Assert.Equal(PlainHashes(text), Shingles.Hashes(text)));
    }

    /// <summary>Character by character, as first written.</summary>
    private static ulong[] PlainHashes(string text)
    {
        var words = new List<ulong>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var hash = 0xCBF29CE484222325UL;
            for (; i < text.Length && char.IsLetterOrDigit(text[i]); i++)
            {
                hash = (hash ^ char.ToLowerInvariant(text[i])) * 0x100000001B3UL;
            }

            words.Add(Mix(hash));
        }

        if (words.Count == 0)
        {
            return [];
        }

        var size = Math.Min(Shingles.Size, words.Count);
        var shingles = new ulong[words.Count - size + 1];
        for (var start = 0; start < shingles.Length; start++)
        {
            var hash = 0x9E3779B97F4A7C15UL;
            for (var w = start; w < start + size; w++)
            {
                hash = Mix((hash * 31) ^ words[w]);
            }

            shingles[start] = hash;
        }

        return shingles;
    }

    private static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
