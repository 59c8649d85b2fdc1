using Summaries.Entity.Annotation;

namespace Summaries.Entity.Tests.Annotation.Attribution;

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
}
