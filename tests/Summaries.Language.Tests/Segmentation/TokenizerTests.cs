using Summaries.Language;
using Summaries.Language.Segmentation;

namespace Summaries.Language.Tests.Segmentation;

public sealed class TokenizerTests
{
    private static TokenizedText Tokenize(string text) => new RuleBasedAnnotator().Tokenize(text);

    private static string[] Surfaces(string text) => Tokenize(text).Surface;

    [Fact]
    public void Tokenize_CurlyPossessive_SplitsClitic()
    {
        Assert.Equal(["China", "’s", "top", "diplomat"], Surfaces("China’s top diplomat"));
    }

    [Fact]
    public void Tokenize_StraightPossessiveAndContraction_SplitClitics()
    {
        Assert.Equal(["Russia", "'s", "war", "does", "n't", "end", "and", "it", "’s", "long"], Surfaces("Russia's war doesn't end and it’s long"));
    }

    [Fact]
    public void Tokenize_ApostropheInsideName_StaysInWord()
    {
        Assert.Equal(["O’Brien", "said"], Surfaces("O’Brien said"));
    }

    [Fact]
    public void Tokenize_HyphenatedWordsAndDashes_HyphensStayDashesSplit()
    {
        var text = Tokenize("China-US ties — a co-founder said -- twice");

        Assert.Equal(["China-US", "ties", "—", "a", "co-founder", "said", "--", "twice"], text.Surface);
        Assert.Equal(TokenKind.Dash, text[2].Kind);
        Assert.Equal(TokenKind.Dash, text[6].Kind);
    }

    [Fact]
    public void Tokenize_AbbreviationsAndAcronyms_KeepTheirPeriods()
    {
        Assert.Equal(["Mr.", "Smith", "of", "the", "U.S.", "met", "G.K.", "Butterfield", "."], Surfaces("Mr. Smith of the U.S. met G.K. Butterfield."));
    }

    [Fact]
    public void Tokenize_NumbersWithSeparators_StayWhole()
    {
        Assert.Equal(["$", "1,500.75", "and", "35-minute"], Surfaces("$1,500.75 and 35-minute"));
    }

    [Fact]
    public void Tokenize_CurlyQuotes_AreDirectedQuoteTokens()
    {
        var text = Tokenize("“Yes,” he said, ‘no’.");

        Assert.Equal(QuoteDirection.Open, text[0].Direction);
        Assert.True(text[0].IsDoubleQuote);
        Assert.Equal(QuoteDirection.Close, text[3].Direction);
        Assert.Equal(TokenKind.Quote, text[7].Kind);
        Assert.False(text[7].IsDoubleQuote);
    }

    [Fact]
    public void Tokenize_StraightQuotes_TakeDirectionFromNeighbours()
    {
        var text = Tokenize("He said \"go now\" loudly.");

        Assert.Equal(QuoteDirection.Open, text[2].Direction);
        Assert.Equal(QuoteDirection.Close, text[5].Direction);
    }

    [Fact]
    public void Tokenize_DoubledApostrophes_AreOneDoubleQuote()
    {
        var text = Tokenize("''This isn't reform,'' said Mr. Holtz.");

        Assert.Equal("''", text.Surface[0]);
        Assert.True(text[0].IsDoubleQuote);
        Assert.Equal("''", text.Surface[6]);
    }

    [Fact]
    public void Tokenize_Offsets_MatchSurface()
    {
        const string source = "Mr Xi’s “reply” came—briefly—at 3.5 p.m. in Beijing.";

        var text = Tokenize(source);

        Assert.All(Enumerable.Range(0, text.Count), i => Assert.Equal(source[text[i].Start..text[i].End], text.Surface[i]));
        Assert.All(Enumerable.Range(0, text.Count), i => Assert.DoesNotContain(' ', text.Surface[i]));
    }
}
