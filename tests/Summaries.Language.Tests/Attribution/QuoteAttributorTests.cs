using Summaries.Language;

namespace Summaries.Language.Tests.Attribution;

public sealed class QuoteAttributorTests
{
    private readonly RuleBasedAnnotator annotator = new();

    private static string SpeakerName(TextAnnotation annotation, QuoteInfo quote) =>
        annotation.Entities.Single(e => e.Key == quote.SpeakerKey).DisplayName;

    [Fact]
    public void Attribute_AttributionAfterQuote_FindsSpeakerBeforeCue()
    {
        var annotation = annotator.Annotate("Senator Maria Lopez spoke. “We will not back down,” Ms Lopez said.");

        var quote = Assert.Single(annotation.Quotes);
        Assert.Equal("We will not back down,", quote.Text);
        Assert.Equal("said", quote.Cue);
        Assert.Equal("Ms Lopez", quote.SpeakerText);
        Assert.Equal("Maria Lopez", SpeakerName(annotation, quote));
    }

    [Fact]
    public void Attribute_InvertedAttribution_FindsSpeakerAfterCue()
    {
        var annotation = annotator.Annotate("“It is over,” said Governor Tom Hale.");

        var quote = Assert.Single(annotation.Quotes);
        Assert.Equal("Tom Hale", SpeakerName(annotation, quote));
    }

    [Fact]
    public void Attribute_MultiSentenceQuote_IsOneQuoteWithOneSpeaker()
    {
        const string text = "“Prices are rising. Wages are not. We must act,” said Mr Dlamini, the finance minister.";

        var annotation = annotator.Annotate(text);

        var quote = Assert.Single(annotation.Quotes);
        Assert.Equal("Prices are rising. Wages are not. We must act,", quote.Text);
        Assert.Equal("Dlamini", SpeakerName(annotation, quote));
        Assert.Equal(text[quote.Start..quote.End], quote.Text);
    }

    [Fact]
    public void Attribute_QuoteSplitByAttribution_GivesBothPartsTheSpeaker()
    {
        var annotation = annotator.Annotate("“This is a good deal,” Mr Okoro said. “It will help farmers.”\n\nThe vote is on Friday.");

        Assert.Equal(2, annotation.Quotes.Count);
        Assert.All(annotation.Quotes, q => Assert.Equal("Okoro", SpeakerName(annotation, q)));
        Assert.Equal(string.Empty, annotation.Quotes[1].Cue);
    }

    [Fact]
    public void Attribute_QuoteSplitInsideOneSentence_GivesBothPartsTheSpeaker()
    {
        var annotation = annotator.Annotate("“We tried,” Mrs Berg said, “but nobody listened.”");

        Assert.Equal(["We tried,", "but nobody listened."], annotation.Quotes.Select(q => q.Text));
        Assert.All(annotation.Quotes, q => Assert.Equal("Berg", SpeakerName(annotation, q)));
    }

    [Fact]
    public void Attribute_QuoteOnlyParagraphAfterAttributedQuote_ContinuesTheSpeaker()
    {
        var annotation = annotator.Annotate("“We will not sign,” Mr Okoro said.\n\n“This deal does nothing for the farmers of the north.”");

        Assert.Equal(2, annotation.Quotes.Count);
        Assert.Equal("Okoro", SpeakerName(annotation, annotation.Quotes[1]));
        Assert.Equal(string.Empty, annotation.Quotes[1].Cue);
    }

    [Fact]
    public void Attribute_QuoteInNewParagraphAfterNarrative_DoesNotInheritSpeaker()
    {
        var annotation = annotator.Annotate("“Yes,” Mr Okoro said. The vote is on Friday.\n\n“No, we will not sign this deal today.”");

        Assert.Equal(2, annotation.Quotes.Count);
        Assert.Null(annotation.Quotes[1].SpeakerKey);
    }

    [Fact]
    public void Attribute_FragmentsInReportedSpeech_GoToTheSubject()
    {
        var annotation = annotator.Annotate(
            "India’s ministry of external affairs said the talks were “useful” and blamed Pakistan for the “stalemate”.");

        Assert.Equal(["useful", "stalemate"], annotation.Quotes.Select(q => q.Text));
        Assert.All(annotation.Quotes, q => Assert.Equal("India’s ministry of external affairs", SpeakerName(annotation, q)));
        Assert.Equal(["said", "blamed"], annotation.Quotes.Select(q => q.Cue));
    }

    [Fact]
    public void Attribute_PronounSpeaker_ResolvesToLatestFittingEntity()
    {
        var annotation = annotator.Annotate(
            "The Hartwell Foundation criticised the plan. It said the plan would “hurt the poor”. Mr Lund disagreed. He said it was “fair”.");

        Assert.Equal("Hartwell Foundation", SpeakerName(annotation, annotation.Quotes.Single(q => q.Text == "hurt the poor")));
        Assert.Equal("Lund", SpeakerName(annotation, annotation.Quotes.Single(q => q.Text == "fair")));
    }

    [Fact]
    public void Attribute_PronounGender_SkipsPersonOfOtherGender()
    {
        var annotation = annotator.Annotate("Mrs Adams met Mr Brown. Later Mr Brown left. “I am pleased,” she said.");

        var quote = Assert.Single(annotation.Quotes);
        Assert.Equal("Adams", SpeakerName(annotation, quote));
    }

    [Fact]
    public void Attribute_AccordingTo_TakesSpeakerAfterCueAndReportsTheClause()
    {
        var annotation = annotator.Annotate("The talks lasted three hours, according to a senior official.");

        var quote = Assert.Single(annotation.Quotes);
        Assert.False(quote.Direct);
        Assert.Equal("The talks lasted three hours", quote.Text);
        Assert.Equal("a senior official", quote.SpeakerText);
        Assert.Null(quote.SpeakerKey);
    }

    [Fact]
    public void Attribute_ReportedSpeech_CoversTheClauseAfterThat()
    {
        var annotation = annotator.Annotate("Mr Tanaka said on Saturday that he hoped to visit Seoul soon.");

        var quote = Assert.Single(annotation.Quotes);
        Assert.False(quote.Direct);
        Assert.Equal("he hoped to visit Seoul soon", quote.Text);
        Assert.Equal("Tanaka", SpeakerName(annotation, quote));
    }

    [Fact]
    public void Attribute_NestedSingleQuotesAndApostrophes_AreNotSeparateQuotes()
    {
        var annotation = annotator.Annotate("Mr Ito said Russia’s leaders must “drop the ‘special operation’ talk and the countries’ feud”.");

        var quote = Assert.Single(annotation.Quotes);
        Assert.Equal("drop the ‘special operation’ talk and the countries’ feud", quote.Text);
    }

    [Fact]
    public void Attribute_TopLevelSingleQuotes_AreQuotes()
    {
        var annotation = annotator.Annotate("Mr Ito said: ‘We are ready to talk.’");

        var quote = Assert.Single(annotation.Quotes);
        Assert.Equal("We are ready to talk.", quote.Text);
        Assert.Equal("Ito", SpeakerName(annotation, quote));
    }

    [Fact]
    public void Attribute_NounUseOfCueWord_IsNotACue()
    {
        var annotation = annotator.Annotate("His late-night tweets about the debate drew criticism from many voters across the state.");

        Assert.Empty(annotation.Quotes);
    }

    [Fact]
    public void Attribute_DoubledApostropheQuotes_PairLikeDoubleQuotes()
    {
        var annotation = annotator.Annotate("''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist.");

        var quote = Assert.Single(annotation.Quotes);
        Assert.Equal("This isn't tax reform,", quote.Text);
        Assert.Equal("Douglas Holtz-Eakin", SpeakerName(annotation, quote));
        Assert.Contains(annotation.Entity("Douglas Holtz-Eakin").Roles, r => r.Text == "economist");
    }

    [Fact]
    public void Attribute_SignedQuote_TakesNameAfterDash()
    {
        var annotation = annotator.Annotate("“The campaign ignored us for months and never came back.” ― Sonya Herridge");

        var quote = Assert.Single(annotation.Quotes);
        Assert.Equal("Sonya Herridge", quote.SpeakerText);
        Assert.NotNull(quote.SpeakerKey);
    }

    [Fact]
    public void Attribute_HeadlineAboveLowercaseOpening_IsNotPartOfTheSpeaker()
    {
        var annotation = annotator.Annotate("Growers Reject New Trade Pact\nlocal growers said the pact was “a betrayal of every farm.”");

        var quote = Assert.Single(annotation.Quotes, q => q.Direct);
        Assert.Equal("local growers", quote.SpeakerText);
    }
}
