using Summaries.Language;

namespace Summaries.Language.Tests.Attribution;

/// <summary>Which uses of a speech verb report speech.</summary>
public sealed class CueFinderTests
{
    private readonly RuleBasedAnnotator annotator = new();

    [Theory]
    [InlineData("The mudslide claimed the lives of nine villagers near the river.")]
    [InlineData("The fever claimed 40 lives.")]
    [InlineData("Her party claimed a seat in the northern assembly for the first time.")]
    public void Find_ClaimTakingAThing_IsNotACue(string text)
    {
        var annotation = annotator.Annotate(text);

        Assert.DoesNotContain(annotation.Quotes, q => q.Cue.StartsWith("claim", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("The mayor claimed the budget was balanced.", "the budget was balanced")]
    [InlineData("Ms Berg claimed the head of the agency had misled the council.", "the head of the agency had misled the council")]
    public void Find_ClaimReportingAClause_IsACue(string text, string content)
    {
        var annotation = annotator.Annotate(text);

        var quote = Assert.Single(annotation.Quotes);
        Assert.Equal("claimed", quote.Cue);
        Assert.Equal(content, quote.Text);
    }

    [Theory]
    [InlineData("After the vote, Mayor Tom Hale fired back: “We will not pay for their mistakes.”", "fired back")]
    [InlineData("“We will not pay for their mistakes,” Mayor Tom Hale retorted.", "retorted")]
    public void Find_PhrasalAndLessCommonReportingVerbs_AreCues(string text, string cue)
    {
        var annotation = annotator.Annotate(text);

        var quote = Assert.Single(annotation.Quotes);
        Assert.Equal(cue, quote.Cue);
        Assert.Equal("Tom Hale", quote.SpeakerText);
    }

    [Fact]
    public void Find_ClauseFinalPhraseAtClauseEnd_IsACue()
    {
        var annotation = annotator.Annotate("The scheme was “a tax on the poor,” as one council report put it.");

        var quote = Assert.Single(annotation.Quotes);
        Assert.Equal("put it", quote.Cue);
        Assert.Equal("one council report", quote.SpeakerText);
    }

    [Fact]
    public void Find_ClauseFinalPhraseBeforeObject_IsNotACue()
    {
        var annotation = annotator.Annotate("The clerk put it on the table and the workers went on strike for a week.");

        Assert.Empty(annotation.Quotes);
    }

    [Theory]
    [InlineData("The mayor portrayed the deal as “a gift.”", "portrayed")]
    [InlineData("The mayor later defended the deal as “fair.”", "defended")]
    public void Find_VerbsThatCharacteriseInQuotes_AreCues(string text, string cue)
    {
        var annotation = annotator.Annotate(text);

        var quote = Assert.Single(annotation.Quotes);
        Assert.Equal(cue, quote.Cue);
        Assert.Equal("The mayor", quote.SpeakerText);
    }

    [Theory]
    [InlineData("The “cooking” segment first ran on a popular morning show.")]
    [InlineData("Viewers called “Harvest Moon” one of their favourite shows, the network said.")]
    public void Find_NounLikeCueEndingADeterminerPhrase_IsANoun(string text)
    {
        var annotation = annotator.Annotate(text);

        Assert.DoesNotContain(annotation.Quotes, q => q.Cue is "show" or "shows");
    }
}
