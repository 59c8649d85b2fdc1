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
