using Summaries.Language;

namespace Summaries.Language.Tests.Attribution;

/// <summary>The speaker is the head of the subject phrase, never a name that only modifies it after a preposition.</summary>
public sealed class SpeakerFinderModifiersTests
{
    private readonly RuleBasedAnnotator annotator = new();

    private static string? KeyOf(TextAnnotation annotation, string name) =>
        annotation.Entities.SingleOrDefault(e => e.DisplayName == name)?.Key;

    [Fact]
    public void Before_NameWithRoleOfOrganisationAndAnotherAside_IsTheName()
    {
        var annotation = annotator.Annotate(
            "But Mary Olsen, director of the Hill Valley Trust, a charity that has followed the dispute, said the council \"has to answer for it.\"");

        var quote = Assert.Single(annotation.Quotes, q => q.Direct);
        Assert.Equal(KeyOf(annotation, "Mary Olsen"), quote.SpeakerKey);
        Assert.NotEqual(KeyOf(annotation, "Hill Valley Trust"), quote.SpeakerKey);
    }

    [Fact]
    public void Before_DescriptionAfterNameWithoutClosingComma_IsTheName()
    {
        var annotation = annotator.Annotate(
            "On Monday, Cpl. Ann Ruiz, a medic in the Coast Guard based in Norfolk told reporters the base was \"running out of beds.\"");

        var quote = Assert.Single(annotation.Quotes, q => q.Direct);
        Assert.NotNull(quote.SpeakerKey);
        Assert.Equal(quote.SpeakerKey, annotation.Entities.Single(e => e.DisplayName.EndsWith("Ann Ruiz", StringComparison.Ordinal)).Key);
    }

    [Fact]
    public void Before_DescriptionAfterObjectName_StaysTheSpeaker()
    {
        var annotation = annotator.Annotate("In a letter to Mary Olsen, a local farmer said the ditch was \"full by noon.\"");

        var quote = Assert.Single(annotation.Quotes, q => q.Direct);
        Assert.Equal("a local farmer", quote.SpeakerText);
        Assert.Null(quote.SpeakerKey);
    }

    [Theory]
    [InlineData("An official at the Ministry of Fisheries said the quota was \"final\".", "Ministry of Fisheries")]
    [InlineData("The ambassador to Norway said the talks had been \"constructive\".", "Norway")]
    public void Before_DescriptionOfPlaceOrOrganisation_HasNoEntity(string text, string modifier)
    {
        var annotation = annotator.Annotate(text);

        var quote = Assert.Single(annotation.Quotes, q => q.Direct);
        Assert.Null(quote.SpeakerKey);
        Assert.NotEqual(modifier, quote.SpeakerText);
        Assert.NotNull(KeyOf(annotation, modifier));
    }

    [Fact]
    public void Before_SpokesmanForOrganisation_IsGroupedUnderIt()
    {
        var annotation = annotator.Annotate("A spokesman for the Ministry of Fisheries said the quota was \"final\".");

        Assert.Equal(KeyOf(annotation, "Ministry of Fisheries"), Assert.Single(annotation.Quotes, q => q.Direct).SpeakerKey);
    }

    [Fact]
    public void Before_LastPartOfLongerName_IsNotTheSpeaker()
    {
        var annotation = annotator.Annotate("Friends of the Earth said the new flight path was a \"shameful fudge\".");

        var quote = Assert.Single(annotation.Quotes, q => q.Direct);
        Assert.Equal("Friends of the Earth", quote.SpeakerText);
        Assert.Null(quote.SpeakerKey);
    }
}
