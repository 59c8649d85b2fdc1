using Summaries.Language;
using Summaries.Language.Attribution;

namespace Summaries.Language.Tests.Attribution;

public sealed class DirectQuoteFinderTests
{
    private readonly RuleBasedAnnotator annotator = new();
    private readonly DirectQuoteFinder finder = new();

    private string[] Quotes(string source) =>
        finder.Find(annotator.Tokenize(source)).Select(q => source[q.ContentStart..q.ContentEnd]).ToArray();

    [Fact]
    public void Find_CurlyAndStraightQuotes_PairWithinTheirStyle()
    {
        Assert.Equal(["one", "two"], Quotes("He said “one” and then \"two\" again."));
    }

    [Fact]
    public void Find_InnerQuotesOfOtherStyle_BelongToTheOuterQuote()
    {
        Assert.Equal(["It comes across as “too loud” or “too shrill.”"], Quotes("\"It comes across as “too loud” or “too shrill.”\" she wrote."));
    }

    [Fact]
    public void Find_ApostrophesAndPossessives_AreNotQuotes()
    {
        Assert.Empty(Quotes("Russia’s war and the countries’ leaders don’t agree on China's role."));
    }

    [Fact]
    public void Find_StraightOpenCurlyClose_StillPairs()
    {
        Assert.Equal(["We are done,"], Quotes("\"We are done,” she said."));
    }

    [Fact]
    public void Find_QuoteLeftOpenAtParagraphEnd_EndsThere()
    {
        Assert.Equal(["We will fight on.", "And we will win."], Quotes("“We will fight on.\n\n“And we will win.”"));
    }

    [Fact]
    public void Find_ClosingGlyphUsedAsOpener_StillPairs()
    {
        Assert.Equal(["Mr. Trump embodies the lasting legacy."], Quotes("”Mr. Trump embodies the lasting legacy.” ― Sonya Herridge"));
    }

    [Fact]
    public void Find_QuoteSpanningSentences_IsOneQuote()
    {
        var text = annotator.Tokenize("“First point. Second point,” she said.");

        var quote = Assert.Single(finder.Find(text));
        Assert.Equal(0, quote.StartSentence);
        Assert.Equal(1, quote.EndSentence);
    }

    [Fact]
    public void Find_ClosingGlyphGluedToNextWord_StillCloses()
    {
        Assert.Equal(["I want America First!", "Many of them were there,"], Quotes("“I want America First!”After the rally, “Many of them were there,” he said."));
    }
}
