using Summaries.Summary.Facts;
using Summaries.Summary.Tests.Facts;
using Summaries.Summary.Writing;

namespace Summaries.Summary.Tests.Writing;

public sealed class VoicePlanTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(14)]
    public void For_StoryWithManyVoices_PlacesForHalfTheLengthAndEveryOtherPartyLeftOut(int length)
    {
        var sheet = new FactSheetBuilder().Build(StoryReports.Event(reports: 6, speakers: 12));

        var plan = VoicePlan.For(sheet, new WritingRequest(length));

        Assert.Equal(length, plan.Budget);
        Assert.Equal(length, plan.LeadSentences + plan.Heard.Count);
        Assert.True(plan.LeadSentences >= 2, $"lead {plan.LeadSentences}");
        Assert.Equal(12, plan.Heard.Count + plan.LeftOut.Count);
        Assert.Empty(plan.Heard.Intersect(plan.LeftOut));
    }

    [Fact]
    public void For_Story_TheWidelyQuotedVoicesComeFirst()
    {
        // Speaker 0 is quoted by every report, speaker 1 by every second one, speaker 5 by one.
        var sheet = new FactSheetBuilder().Build(StoryReports.Event(reports: 6, speakers: 8));

        var plan = VoicePlan.For(sheet, new WritingRequest(8));

        Assert.Equal(StoryReports.Speaker(0), plan.Heard[0].DisplayName);
        Assert.Equal(StoryReports.Speaker(1), plan.Heard[1].DisplayName);
        Assert.Contains(plan.LeftOut, p => p.DisplayName == StoryReports.Speaker(7));
    }

    [Fact]
    public void For_Story_OneVoiceOfEachSideBeforeASecondOfTheSameSide()
    {
        // Speakers 0 and 1 both speak for the Harbour Authority, itself a quoted party (speaker 2's
        // role is not a side: a title is not an organisation spoken for).
        var roles = new Dictionary<int, string>
        {
            [0] = "chairman of the Harbour Authority",
            [1] = "a spokesman for the Harbour Authority",
            [3] = "Flood Secretary",
        };
        var docs = StoryReports.Event(reports: 6, speakers: 5, roles);
        var sheet = new FactSheetBuilder().Build(docs);
        var authority = new FactEntity("entities/org-harbour-authority", "Harbour Authority", EntityKind.Organization, [], [], 0.1);
        sheet = new FactSheet(sheet.Articles, sheet.Facts, [.. sheet.Entities, authority], [.. sheet.Quotes, sheet.Quotes[^1] with { SpeakerKey = authority.Key }]);

        var ranked = PartySalience.Rank(sheet);
        Assert.Equal(authority.Key, ranked.Single(p => p.Entity.DisplayName == StoryReports.Speaker(0)).Side);
        Assert.Equal(authority.Key, ranked.Single(p => p.Entity.DisplayName == StoryReports.Speaker(1)).Side);
        Assert.NotEqual(authority.Key, ranked.Single(p => p.Entity.DisplayName == StoryReports.Speaker(3)).Side);

        var plan = VoicePlan.For(sheet, new WritingRequest(4));

        // Two places: the chairman (most quoted) and the most salient voice of another side, not the spokesman.
        Assert.Equal(2, plan.Heard.Count);
        Assert.Equal(StoryReports.Speaker(0), plan.Heard[0].DisplayName);
        Assert.DoesNotContain(plan.Heard, p => p.DisplayName == StoryReports.Speaker(1));
    }

    [Fact]
    public void For_OneArticle_EveryQuotedPartyPlannedThoseQuotedInTheirOwnWordsFirst()
    {
        var sheet = new FactSheetBuilder().Build([SampleSources.Document()]);

        var plan = VoicePlan.For(sheet, new WritingRequest(4));

        Assert.Equal(2, plan.Heard.Count);
        Assert.Empty(plan.LeftOut);
        Assert.Equal(3, plan.LeadSentences);
    }

    [Fact]
    public void For_OneArticleWithOnlyParaphrasedParties_TheLeadTakesTheLengthThePartiesWhereItLeavesAPlace()
    {
        var quoted = new FactSheetBuilder().Build([SampleSources.Document()]);
        var sheet = new FactSheet(quoted.Articles, quoted.Facts, quoted.Entities, quoted.Quotes.Select(q => q with { Direct = false }).ToList());

        var plan = VoicePlan.For(sheet, new WritingRequest(8));

        Assert.Equal(8, plan.LeadSentences);
        Assert.Equal(2, plan.Heard.Count);
    }

    [Fact]
    public void For_NoQuotedParty_TheLeadTakesTheWholeLength()
    {
        var sheet = new FactSheetBuilder().Build([GeneratedReports.Report(1)]);

        var plan = VoicePlan.For(sheet, new WritingRequest(8));

        Assert.Equal(8, plan.LeadSentences);
        Assert.Empty(plan.Heard);
    }
}
