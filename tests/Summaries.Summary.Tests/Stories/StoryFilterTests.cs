using Summaries.ServiceDefaults.Errors;
using Summaries.Summary.Stories;

namespace Summaries.Summary.Tests.Stories;

public sealed class StoryFilterTests
{
    [Fact]
    public void Parse_EntityAndCount_BothApplied()
    {
        var filter = StoryFilter.Parse("entity = \"entities/org-kmart\" AND article_count >= 2");
        var merger = new StoryGrouper(new StoryOptions()).Group([StoryCandidates.MergerA, StoryCandidates.MergerB, StoryCandidates.Spam]);

        Assert.Equal(["entities/org-kmart"], filter.Entities);
        Assert.Equal(2, filter.MinArticles);
        Assert.Equal(["stories/mergera.mergerb"], merger.Where(filter.Matches).Select(s => s.Name));
    }

    [Theory]
    [InlineData("source = \"x\"")]
    [InlineData("entity = Kmart")]
    [InlineData("article_count >= 0")]
    [InlineData("article_count > 2")]
    public void Parse_Unsupported_FieldViolationOnFilter(string text)
    {
        var ex = Assert.Throws<ValidationException>(() => StoryFilter.Parse(text));

        Assert.Equal("filter", Assert.Single(ex.Problems).Field);
    }

    [Fact]
    public void PageToken_RoundTripsAndRejectsForgedOrOtherQuery()
    {
        var query = StoryPageToken.QueryDigest("", null, null);
        var token = new StoryPageToken(40, StoryCandidates.Monday, query).Encode();

        Assert.Equal(new StoryPageToken(40, StoryCandidates.Monday, query), StoryPageToken.Decode(token, query));
        Assert.Null(StoryPageToken.Decode("", query));
        Assert.Throws<ValidationException>(() => StoryPageToken.Decode("forged", query));
        Assert.Throws<ValidationException>(() => StoryPageToken.Decode(token, StoryPageToken.QueryDigest("article_count >= 2", null, null)));
    }
}
