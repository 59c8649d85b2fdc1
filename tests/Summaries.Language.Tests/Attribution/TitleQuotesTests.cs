using Summaries.Language;

namespace Summaries.Language.Tests.Attribution;

/// <summary>Quotation marks around titles and headings are not quotes; capitalised speech still is.</summary>
public sealed class TitleQuotesTests
{
    private readonly RuleBasedAnnotator annotator = new();

    private IEnumerable<string> DirectQuotes(string text) => annotator.Annotate(text).Quotes.Where(q => q.Direct).Select(q => q.Text);

    [Theory]
    [InlineData("Mr Khan said on NBC's “Meet the Press” that the plan was unfair to families.")]
    [InlineData("In an interview on CBS's \"Face the Nation,\" Mr Ryan said the protests were a warning.")]
    [InlineData("Mr Cruz named “Criminal Minds” as his favourite show on Friday.")]
    public void Annotate_ShowTitleInQuotes_IsNotAQuote(string text)
    {
        Assert.Empty(DirectQuotes(text));
    }

    [Fact]
    public void Annotate_SectionHeadingInQuotes_IsNotAQuote()
    {
        Assert.Equal(["The plan will fail,"], DirectQuotes("“The plan will fail,” Mr Lund said.\n\n‘All Bets Are Off.’\n\nThe vote came on Friday."));
    }

    [Fact]
    public void Annotate_CapitalisedNameAfterCue_StaysAQuote()
    {
        Assert.Equal(["Little Marco"], DirectQuotes("Mr Trump called the senator “Little Marco” on Friday."));
    }

    [Fact]
    public void Annotate_CapitalisedShortQuoteOpeningSentence_StaysAQuote()
    {
        Assert.Equal(["Absolutely Not,"], DirectQuotes("“Absolutely Not,” Mr Lund said when asked about the vote."));
    }

    [Fact]
    public void Annotate_LowercasePhrase_StaysAQuote()
    {
        Assert.Equal(["crazy system"], DirectQuotes("Mr Clinton criticised the law as a “crazy system” on Tuesday."));
    }
}
