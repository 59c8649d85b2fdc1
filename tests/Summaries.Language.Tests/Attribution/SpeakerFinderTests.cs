using Summaries.Language;

namespace Summaries.Language.Tests.Attribution;

/// <summary>Which words before or after a cue name the speaker, and which only modify it.</summary>
public sealed class SpeakerFinderTests
{
    private readonly RuleBasedAnnotator annotator = new();

    private static string? KeyOf(TextAnnotation annotation, string name) =>
        annotation.Entities.SingleOrDefault(e => e.DisplayName == name)?.Key;

    [Fact]
    public void Before_PlaceInParticiplePhrase_IsNotTheSpeaker()
    {
        var annotation = annotator.Annotate("“The patrols were doubled after the attack,” a corporal posted in Kandahar said.");

        var quote = Assert.Single(annotation.Quotes);
        Assert.Equal("a corporal posted in Kandahar", quote.SpeakerText);
        Assert.NotEqual(KeyOf(annotation, "Kandahar"), quote.SpeakerKey);
    }

    [Fact]
    public void Before_PlaceAfterNamedSpeaker_KeepsTheName()
    {
        var annotation = annotator.Annotate("Governor Ruth Ellison of Montana said the fund was “nearly empty by the spring.”");

        var quote = Assert.Single(annotation.Quotes, q => q.Direct);
        Assert.Equal(KeyOf(annotation, "Ruth Ellison"), quote.SpeakerKey);
    }

    [Fact]
    public void Before_NameAfterRoleAndPreposition_IsNotTheSpeaker()
    {
        var annotation = annotator.Annotate("Tom Hale runs the co-operative. “We were never consulted,” a neighbour of Tom Hale said.");

        var quote = Assert.Single(annotation.Quotes, q => q.Direct);
        Assert.Equal("a neighbour of Tom Hale", quote.SpeakerText);
        Assert.Null(quote.SpeakerKey);
    }

    [Fact]
    public void Before_SpokesmanForName_IsGroupedUnderTheName()
    {
        var annotation = annotator.Annotate("Tom Hale runs the co-operative. “We were never consulted,” a spokesman for Tom Hale said.");

        Assert.Equal(KeyOf(annotation, "Tom Hale"), Assert.Single(annotation.Quotes, q => q.Direct).SpeakerKey);
    }

    [Theory]
    [InlineData("“He never listens to the farmers,” Mr Okoro said of the minister.")]
    [InlineData("“He never listens to the farmers,” said Mr Okoro of the minister.")]
    public void After_PhraseAfterSaidOf_IsWhoIsSpokenAbout(string text)
    {
        var annotation = annotator.Annotate(text);

        var quote = Assert.Single(annotation.Quotes);
        Assert.Equal("Mr Okoro", quote.SpeakerText);
    }

    [Theory]
    [InlineData("“The harvest failed twice this year,” Sharp said.", "Sharp")]
    [InlineData("Vandermolen said: “The harvest failed twice this year.”", "Vandermolen")]
    public void Before_OneUnrecognisedCapitalisedWord_IsTheSpeaker(string text, string speaker)
    {
        var annotation = annotator.Annotate(text);

        Assert.Equal(speaker, Assert.Single(annotation.Quotes).SpeakerText);
    }

    [Fact]
    public void Before_DayAfterPreposition_IsNotTheSpeaker()
    {
        var annotation = annotator.Annotate("The union wrote on Thursday saying the harvest had “failed twice this year.”");

        Assert.NotEqual("Thursday", annotation.Quotes.Single(q => q.Direct).SpeakerText);
    }

    [Fact]
    public void Before_QuotedAsSaying_TakesTheSubject()
    {
        var annotation = annotator.Annotate("“The harvest failed twice this year,” Vandermolen was quoted as saying.");

        Assert.Equal("Vandermolen", Assert.Single(annotation.Quotes).SpeakerText);
    }

    [Fact]
    public void Before_TimeAdverbial_IsSkippedForTheNounBeforeIt()
    {
        var annotation = annotator.Annotate("An audit published last year said the fund was “nearly empty by the spring.”");

        Assert.Equal("An audit", annotation.Quotes.Single(q => q.Direct).SpeakerText);
    }

    [Theory]
    [InlineData("Most of those polled said the plan was “too expensive by half.”", "Most of those polled")]
    [InlineData("A source familiar with the minister’s thinking said the plan was “too expensive by half.”", "A source familiar with the minister’s thinking")]
    public void Before_ParticipleAfterDeterminerOrPossessive_IsTheHeadNoun(string text, string speaker)
    {
        var annotation = annotator.Annotate(text);

        Assert.Equal(speaker, annotation.Quotes.Single(q => q.Direct).SpeakerText);
    }

    [Fact]
    public void Before_NameBeforeParticipleCue_IsItsSubjectEvenAfterAPreposition()
    {
        var annotation = annotator.Annotate("The advert ends with footage of Governor Ruth Ellison saying “we will cut the tax.”");

        Assert.Equal(KeyOf(annotation, "Ruth Ellison"), annotation.Quotes.Single(q => q.Direct).SpeakerKey);
    }

    [Fact]
    public void Before_NameSuffixAbbreviation_IsNotASpeakerOnItsOwn()
    {
        var annotation = annotator.Annotate("Paul Adams Jr. said the plan was “a gift to the banks.”");

        Assert.NotEqual("Jr.", annotation.Quotes.Single(q => q.Direct).SpeakerText);
    }

    [Theory]
    [InlineData("The crowd waited for hours. Some chanted “Open the gates!”", "Some")]
    [InlineData("Farmers were asked about the plan; most said it was “too little, too late.”", "most")]
    public void Before_QuantifierOpeningItsClause_IsTheSpeaker(string text, string speaker)
    {
        var annotation = annotator.Annotate(text);

        Assert.Equal(speaker, annotation.Quotes.Single(q => q.Direct).SpeakerText);
    }
}
