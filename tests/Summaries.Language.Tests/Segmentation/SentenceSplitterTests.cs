using Summaries.Language.Lexicons;
using Summaries.Language.Segmentation;

namespace Summaries.Language.Tests.Segmentation;

public sealed class SentenceSplitterTests
{
    private readonly SentenceSplitter splitter = new(Lexicon.Default);

    private string[] Split(string text) => splitter.Split(text).Select(s => text[s.Start..s.End]).ToArray();

    [Fact]
    public void Split_HonorificsAndInitials_DoNotEndSentences()
    {
        var sentences = Split("Mr. Smith met Dr. Jones and Donald J. Trump on St. Patrick's Day. They talked.");

        Assert.Equal(["Mr. Smith met Dr. Jones and Donald J. Trump on St. Patrick's Day.", "They talked."], sentences);
    }

    [Fact]
    public void Split_DottedAcronymBeforeName_DoesNotEndSentence()
    {
        var sentences = Split("The U.S. President met U.N. officials. It rained.");

        Assert.Equal(["The U.S. President met U.N. officials.", "It rained."], sentences);
    }

    [Fact]
    public void Split_DottedAcronymBeforeSentenceOpener_EndsSentence()
    {
        var sentences = Split("He moved to the U.S. The move was hard.");

        Assert.Equal(["He moved to the U.S.", "The move was hard."], sentences);
    }

    [Fact]
    public void Split_DecimalsAndEllipsisBeforeLowercase_StayInSentence()
    {
        var sentences = Split("Growth was 3.5 percent… well below forecasts. Prices rose.");

        Assert.Equal(["Growth was 3.5 percent… well below forecasts.", "Prices rose."], sentences);
    }

    [Theory]
    [InlineData("“We will win.” He left.", "“We will win.”")]
    [InlineData("\"We will win.\" He left.", "\"We will win.\"")]
    [InlineData("She called it ‘a mess.’ He left.", "She called it ‘a mess.’")]
    public void Split_QuoteClosingAfterPeriod_BelongsToTheSentence(string text, string first)
    {
        var sentences = Split(text);

        Assert.Equal([first, "He left."], sentences);
    }

    [Fact]
    public void Split_QuestionInsideQuoteFollowedByLowercase_DoesNotEndSentence()
    {
        var sentences = Split("“Really?” he asked. Yes.");

        Assert.Equal(["“Really?” he asked.", "Yes."], sentences);
    }

    [Fact]
    public void Split_CaptionWithoutFinalPunctuation_IsItsOwnSentence()
    {
        var sentences = Split("Mr Xi met Mr Blinken in Beijing (Pool via AP)\nMr Blinken is the highest-level official.");

        Assert.Equal(["Mr Xi met Mr Blinken in Beijing (Pool via AP)", "Mr Blinken is the highest-level official."], sentences);
    }

    [Fact]
    public void Split_BlankLine_AlwaysEndsSentence()
    {
        var sentences = Split("A headline without a period\n\nthe body starts lowercase.");

        Assert.Equal(["A headline without a period", "the body starts lowercase."], sentences);
    }

    [Fact]
    public void Split_HardWrappedLine_ContinuesSentence()
    {
        var sentences = Split("The minister said the plan\nwould be ready soon. Critics disagreed.");

        Assert.Equal(["The minister said the plan\nwould be ready soon.", "Critics disagreed."], sentences);
    }

    [Fact]
    public void Split_SurroundingWhitespace_IsExcludedFromSpans()
    {
        const string text = "  First one.   Second one.  \n";

        var spans = splitter.Split(text);

        Assert.Equal([(2, 12), (15, 26)], spans.Select(s => (s.Start, s.End)));
        Assert.Equal([0, 1], spans.Select(s => s.Index));
    }

    [Fact]
    public void Split_EmptyText_ReturnsNoSentences()
    {
        Assert.Empty(splitter.Split("  \n\n "));
    }

    [Theory]
    [InlineData("Growers Reject New Trade Pact\neBay sellers said the rules were unclear.")]
    [InlineData("GROWERS REJECT TRADE PACT\nsmall farms said the rules were unclear.")]
    public void Split_HeadlineAboveLowercaseOpening_StandsAlone(string text)
    {
        var sentences = Split(text);

        Assert.Equal(2, sentences.Length);
        Assert.Equal(text[..text.IndexOf('\n', StringComparison.Ordinal)], sentences[0]);
    }

    [Fact]
    public void Split_HeadlineRunIntoDateline_EndsBeforeTheDateline()
    {
        var sentences = Split("Growers Reject New Trade Pact LAGOS, May 3 (Reuters) - Farm unions said the pact was unfair.");

        Assert.Equal(["Growers Reject New Trade Pact", "LAGOS, May 3 (Reuters) - Farm unions said the pact was unfair."], sentences);
    }

    [Fact]
    public void Split_CapitalisedAcronymBeforeDashInSentence_DoesNotSplit()
    {
        var sentences = Split("Leaders of the alliance met NATO — and its critics — on Friday.");

        Assert.Single(sentences);
    }

    [Fact]
    public void Split_RunWithoutFullStops_EndsAtASpacePastTheLongestSentence()
    {
        var text = string.Join(' ', Enumerable.Range(0, 3_000).Select(i => $"word{i}"));

        var sentences = Split(text);

        Assert.True(sentences.Length > 2);
        Assert.All(sentences, s => Assert.InRange(s.Length, 1, SentenceSplitter.MaxSentenceChars + "word0000".Length));
        Assert.All(sentences, s => Assert.Matches(@"^word\d+( word\d+)*$", s));
        Assert.Equal(text, string.Join(' ', sentences));
    }

    [Fact]
    public void Split_LongRunOfPunctuationWithoutSpaces_EndsBetweenTwoMarks()
    {
        var text = "(a " + new string(')', 4 * SentenceSplitter.MaxSentenceChars);

        var spans = splitter.Split(text);

        Assert.True(spans.Count >= 3);
        Assert.All(spans, s => Assert.True(s.End - s.Start <= 2 * SentenceSplitter.MaxSentenceChars, $"{s.End - s.Start} characters"));
        Assert.Equal(0, spans[0].Start);
        Assert.Equal(text.Length, spans[^1].End);
        Assert.All(spans.Zip(spans.Skip(1)), p => Assert.True(string.IsNullOrWhiteSpace(text[p.First.End..p.Second.Start])));
    }

    [Fact]
    public void Split_OneHugeWordWithMarks_IsNeverCutInside()
    {
        var text = "A " + new string('a', 3 * SentenceSplitter.MaxSentenceChars) + "\u0301\u0300";

        Assert.Equal([text], Split(text));
    }
}
