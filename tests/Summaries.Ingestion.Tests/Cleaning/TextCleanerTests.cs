using Summaries.Ingestion.Cleaning;
using Summaries.Ingestion.Tests.Infrastructure;

namespace Summaries.Ingestion.Tests.Cleaning;

public sealed class TextCleanerTests
{
    [Fact]
    public void Clean_ExampleArticle_CaptionsGoneParagraphsKept()
    {
        var cleaned = TextCleaner.Clean(SeedTexts.Blinken);

        Assert.DoesNotContain("(Pool via AP)", cleaned.Text, StringComparison.Ordinal);
        Assert.StartsWith("US secretary of state Antony Blinken has met", cleaned.Text, StringComparison.Ordinal);
        Assert.EndsWith("“benefit our two countries”.", cleaned.Text, StringComparison.Ordinal);
        Assert.Equal(19, cleaned.Text.Split("\n\n").Length); // 23 paragraphs, 4 of them captions
        Assert.DoesNotContain("\n\n\n", cleaned.Text, StringComparison.Ordinal);
        AssertMapsBack(SeedTexts.Blinken, cleaned);
    }

    [Fact]
    public void Clean_WhitespaceNoise_CollapsedAndTrimmed()
    {
        var cleaned = TextCleaner.Clean("\uFEFF  First\t\tline  has\u00A0 gaps.  \r\n\r\n\r\n Second   line.\r\n");

        Assert.Equal("First line has gaps.\n\nSecond line.", cleaned.Text);
        AssertMapsBack("\uFEFF  First\t\tline  has\u00A0 gaps.  \r\n\r\n\r\n Second   line.\r\n", cleaned);
    }

    [Fact]
    public void Clean_SingleLineBreaks_KeptAsSingle()
    {
        var original = "Line one.\nAdvertisement\nLine two.\r\nLine three.";

        Assert.Equal("Line one.\nLine two.\nLine three.", TextCleaner.Clean(original).Text);
    }

    [Fact]
    public void Clean_DecomposedAccents_ComposedAndMappedToTheWholeRun()
    {
        const string original = "Cafe\u0301 ope\u0301ra";
        var cleaned = TextCleaner.Clean(original);

        Assert.Equal("Caf\u00E9 op\u00E9ra", cleaned.Text);
        // "é" stands for "e\u0301": cleaned offset 3 maps to the "e" at original offset 3, the
        // space after it (cleaned 4) to original 5.
        Assert.Equal(3, cleaned.ToOriginal(3));
        Assert.Equal(5, cleaned.ToOriginal(4));
        Assert.Equal((6, 11), cleaned.ToOriginalRange(5, 9));
        AssertMapsBack(original, cleaned);
    }

    [Fact]
    public void Clean_SoftHyphenInsideWord_Removed() =>
        Assert.Equal("information", TextCleaner.Clean("infor\u00ADmation").Text);

    [Fact]
    public void Clean_OnlyCaptionsAndBoilerplate_Empty()
    {
        var cleaned = TextCleaner.Clean("Mr Xi met Mr Blinken (Pool via AP)\n\nAdvertisement\n");

        Assert.Equal(string.Empty, cleaned.Text);
        Assert.Empty(cleaned.Segments);
    }

    [Fact]
    public void Clean_PlainText_OneSegment()
    {
        var cleaned = TextCleaner.Clean("Para one.\n\nPara two.");

        Assert.Equal(new TextSegment(0, 0, 20, 20), Assert.Single(cleaned.Segments));
    }

    [Fact]
    public void Segments_QuoteInCleanedText_FoundAtTheSameWordsInTheOriginal()
    {
        var cleaned = TextCleaner.Clean(SeedTexts.Blinken);
        const string quote = "“This is very good,” Mr Xi said.";
        var at = cleaned.Text.IndexOf(quote, StringComparison.Ordinal);

        var (start, end) = cleaned.ToOriginalRange(at, at + quote.Length);

        Assert.Equal(quote, SeedTexts.Blinken[start..end]);
    }

    /// <summary>Segments tile the cleaned text in order; 1:1 runs hold the same letters; every run lies inside the original.</summary>
    private static void AssertMapsBack(string original, CleanedText cleaned)
    {
        var expectedStart = 0;
        var lastOriginalEnd = 0;
        foreach (var s in cleaned.Segments)
        {
            Assert.Equal(expectedStart, s.CleanedStart);
            Assert.True(s.OriginalStart >= lastOriginalEnd && s.OriginalEnd <= original.Length, $"segment {s} outside the original");
            if (s.CleanedLength == s.OriginalLength)
            {
                for (var i = 0; i < s.CleanedLength; i++)
                {
                    var (c, o) = (cleaned.Text[s.CleanedStart + i], original[s.OriginalStart + i]);
                    Assert.True(c == o || (c == ' ' && char.IsWhiteSpace(o)) || (c == '\n' && o is '\n' or '\r'), $"'{c}' vs '{o}' in {s}");
                }
            }

            expectedStart = s.CleanedEnd;
            lastOriginalEnd = s.OriginalEnd;
        }

        Assert.Equal(cleaned.Text.Length, expectedStart);
    }
}
