using Summaries.Language;

namespace Summaries.Language.Tests.Attribution;

/// <summary>The attributions news style uses for direct quotes beyond "X said": colons, carried speakers, nesting, inversions.</summary>
public sealed class DirectQuoteSpeakersTests
{
    private readonly RuleBasedAnnotator annotator = new();

    private static QuoteInfo Direct(TextAnnotation annotation, string startsWith) =>
        annotation.Quotes.Single(q => q.Direct && q.Text.StartsWith(startsWith, StringComparison.Ordinal));

    private static string SpeakerName(TextAnnotation annotation, QuoteInfo quote) =>
        annotation.Entities.Single(e => e.Key == quote.SpeakerKey).DisplayName;

    [Fact]
    public void Find_ClauseEndingInColon_TakesItsSubject()
    {
        var annotation = annotator.Annotate("Senator Maria Lopez has since apologised for the delay: “I should have called the families sooner.”");

        Assert.Equal("Maria Lopez", SpeakerName(annotation, Direct(annotation, "I should have")));
    }

    [Fact]
    public void Find_QuoteAsSentenceAfterAttributedSentence_CarriesTheSpeakerAndKeepsTheReport()
    {
        var annotation = annotator.Annotate("The ministry could act sooner, Mr Okoro said. “We are ready to sign the deal this week.”");

        var quote = Direct(annotation, "We are ready");
        Assert.Equal("Okoro", SpeakerName(annotation, quote));
        Assert.Equal(string.Empty, quote.Cue);
        Assert.Contains(annotation.Quotes, q => !q.Direct && q.Text == "The ministry could act sooner");
    }

    [Fact]
    public void Find_TranscriptLabel_NamesTheSpeaker()
    {
        var annotation = annotator.Annotate("Partial transcript as follows:\n\n\"PENCE: Well, look, this is serious business for the country.\"");

        Assert.Equal("PENCE", Direct(annotation, "PENCE:").SpeakerText);
    }

    [Fact]
    public void Find_CueInsideAReportedClause_GivesTheOuterSpeaker()
    {
        const string text = "Mrs Adams said she recalls the partner being “confused” by the client.";

        var quote = Direct(annotator.Annotate(text), "confused");

        Assert.Equal("Mrs Adams", quote.SpeakerText);
        Assert.Equal(text.IndexOf("Mrs Adams", StringComparison.Ordinal), quote.SpeakerStart);
    }

    [Fact]
    public void Find_InnerCueNamingSomeoneElse_KeepsTheInnerSpeaker()
    {
        var annotation = annotator.Annotate("Mr Brown said Mrs Adams called the plan “a disaster for the region”.");

        Assert.Equal("Adams", SpeakerName(annotation, Direct(annotation, "a disaster")));
    }

    [Fact]
    public void Find_InvertedAttributionAfterAComma_TakesTheNameAfterTheCue()
    {
        var annotation = annotator.Annotate("“It is extremely unlikely” that the bill passes, said Steve Elmendorf, a Democratic strategist.");

        Assert.Equal("Steve Elmendorf", SpeakerName(annotation, Direct(annotation, "It is extremely")));
    }

    [Fact]
    public void Find_AppositivePlace_IsSkippedForThePersonBeforeIt()
    {
        var annotation = annotator.Annotate("Johnnie Wilson, of Springfield, Va., said he had fought “for the nation's rights.”");

        Assert.Equal("Johnnie Wilson", SpeakerName(annotation, Direct(annotation, "for the nation")));
    }

    [Fact]
    public void Find_TellingAfterQuote_TakesTheSubjectNotTheListener()
    {
        var annotation = annotator.Annotate(
            "Mr Okoro did not want to discuss “that person,” telling reporters that he was focused on “the harvest of this year.”");

        Assert.All(annotation.Quotes.Where(q => q.Direct), q => Assert.Equal("Okoro", SpeakerName(annotation, q)));
    }

    [Fact]
    public void Find_CueWithoutNamedSpeaker_KeepsThePlainNounPhrase()
    {
        var annotation = annotator.Annotate("“Our support for these schools is not abstract,” the letter reads.");

        Assert.Equal("the letter", Direct(annotation, "Our support").SpeakerText);
    }

    [Fact]
    public void Find_RelativePronoun_IsTheSpeakerWordsWithTheNameAsEntity()
    {
        var annotation = annotator.Annotate("Mrs Adams spoke first, then Mr Tom Sanders, who says the pact is “a disaster for workers.”");

        var quote = Direct(annotation, "a disaster");
        Assert.Equal("who", quote.SpeakerText);
        Assert.Equal("Tom Sanders", SpeakerName(annotation, quote));
    }

    [Fact]
    public void Find_NewClauseAfterTheQuote_IsNotTheAttribution()
    {
        var annotation = annotator.Annotate("His wife had warned him to act “presidential,” but Mr Trump said he would fight back.");

        Assert.Equal("His wife", Direct(annotation, "presidential").SpeakerText);
    }

    [Fact]
    public void Find_SentenceInitialPlainNoun_IsTheSpeaker()
    {
        var annotation = annotator.Annotate("The game is on Sunday. Police say they have “adequate resources” to secure the city.");

        Assert.Equal("Police", Direct(annotation, "adequate resources").SpeakerText);
    }

    [Fact]
    public void Find_ReflexiveAfterName_IsSkipped()
    {
        var annotation = annotator.Annotate("Senator Ted Cruz himself said that “the only way to win the state is to go and ask.”");

        Assert.Equal("Ted Cruz", SpeakerName(annotation, Direct(annotation, "the only way")));
    }

    [Fact]
    public void Find_ClauseEndingInDash_TakesItsSubject()
    {
        var annotation = annotator.Annotate("Mr Tom Hale also embraced harsh interrogation -- “I think waterboarding is peanuts.”");

        Assert.Equal("Tom Hale", SpeakerName(annotation, Direct(annotation, "I think")));
    }

    [Fact]
    public void Find_UnnamedSubjectBeforePastVerb_SpeaksTheParticiple()
    {
        var annotation = annotator.Annotate("The justice sounded off on the plan, saying she did not “want to contemplate” its effects.");

        Assert.Equal("The justice", Direct(annotation, "want to").SpeakerText);
    }

    [Fact]
    public void Find_AttributionClosingTheSentence_WinsOverACueInBetween()
    {
        var annotation = annotator.Annotate(
            "His father's death drives him “to have purpose,” and he finds that in government work, Mr Tom Perez said.");

        Assert.Equal("Mr Tom Perez", Direct(annotation, "to have purpose").SpeakerText);
    }

    [Fact]
    public void Find_NounLikeCueBeforeInfinitive_IsAVerb()
    {
        var annotation = annotator.Annotate("Her economic plan promises to “lift up participation in the workforce.”");

        Assert.Equal("Her economic plan", Direct(annotation, "lift up").SpeakerText);
    }

    [Fact]
    public void Find_CueAfterConjunction_StartsItsOwnClause()
    {
        var annotation = annotator.Annotate(
            "Chief Ana Ruiz said the footage was incomplete, but she said it “shows what the witnesses told us.”");

        var quote = Direct(annotation, "shows what");
        Assert.Equal("she", quote.SpeakerText);
        Assert.Equal("Ana Ruiz", SpeakerName(annotation, quote));
    }

    [Fact]
    public void Find_SecondPredicateAfterQuote_IsNotAnInversion()
    {
        var annotation = annotator.Annotate("Mayor Tom Hale called the plan “a disaster,” criticised its cost and said it would fail.");

        Assert.Equal("Tom Hale", SpeakerName(annotation, Direct(annotation, "a disaster")));
    }

    [Fact]
    public void Find_QuoteParagraphAfterAttributedParagraph_CarriesTheSpeaker()
    {
        var annotation = annotator.Annotate("The plan is too costly, Mr Okoro said on Friday.\n\n“We cannot ask the farmers of the north to pay for it.”");

        Assert.Equal("Okoro", SpeakerName(annotation, Direct(annotation, "We cannot")));
    }

    [Fact]
    public void Find_QuoteParagraphAfterUnattributedParagraph_HasNoSpeaker()
    {
        var annotation = annotator.Annotate("Mr Okoro met the farmers on Friday.\n\n“We cannot ask the farmers of the north to pay for it.”");

        Assert.Null(Direct(annotation, "We cannot").SpeakerKey);
    }

    [Fact]
    public void Find_QuoteAfterShortLead_CarriesThePreviousSpeaker()
    {
        var annotation = annotator.Annotate("“The plan was fair,” Mr Okoro said. Instead, “it became a gift to the banks.”");

        Assert.Equal("Okoro", SpeakerName(annotation, Direct(annotation, "it became")));
    }

    [Theory]
    [InlineData("“The harvest festival was the best in years.”\n\n— Governor Ruth Ellison, after the parade.")]
    [InlineData("\"The harvest festival was the best in years.\"\n\n-Governor Ruth Ellison, after the parade.")]
    public void Find_DashLineUnderQuoteParagraph_SignsTheQuote(string text)
    {
        var annotation = annotator.Annotate(text);

        Assert.Equal("Ruth Ellison", SpeakerName(annotation, Direct(annotation, "The harvest")));
    }

    [Fact]
    public void Find_ParticipleAfterQuote_TakesAnObjectNotASpeaker()
    {
        var annotation = annotator.Annotate("Mr Okoro called the audit “a disgrace,” blaming Governor Ruth Ellison for the delay.");

        Assert.Equal("Okoro", SpeakerName(annotation, Direct(annotation, "a disgrace")));
    }

    [Fact]
    public void Find_NounsJoinedByAndInsideAReport_KeepTheOuterSpeaker()
    {
        var annotation = annotator.Annotate("Mr Okoro said the floods and protests demand “a new plan for the valley.”");

        Assert.Equal("Okoro", SpeakerName(annotation, Direct(annotation, "a new plan")));
    }
}
