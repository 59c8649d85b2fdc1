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

    [Fact]
    public void Parse_SeveralEntitiesAndCounts_AllEntitiesLargestCount()
    {
        var filter = StoryFilter.Parse("entity = \"entities/a\" and article_count >= 3 AND entity = \"entities/b\" AND article_count >= 2");

        Assert.Equal(["entities/a", "entities/b"], filter.Entities);
        Assert.Equal(3, filter.MinArticles);
    }

    [Fact]
    public void Parse_Empty_None() =>
        Assert.Same(StoryFilter.None, StoryFilter.Parse(" "));

    [Theory]
    [InlineData("source = \"x\"", "unknown field 'source' at position 0; filterable fields are entity and article_count")]
    [InlineData("entity = Kmart", "'entity' takes a name like \"entities/{entity}\"")]
    [InlineData("article_count >= 0", "'article_count' takes a whole number from 1 to 10000")]
    [InlineData("article_count >= 10001", "'article_count' takes a whole number from 1 to 10000")]
    [InlineData("article_count > 2", "'article_count' only compares with '>='")]
    [InlineData("article_count >= 2 OR entity = \"entities/a\"", "expected AND or the end of the filter at position 19: OR is not supported")]
    public void Parse_Unsupported_FieldViolationOnFilter(string text, string description)
    {
        var ex = Assert.Throws<ValidationException>(() => StoryFilter.Parse(text));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("filter", problem.Field);
        Assert.StartsWith(description, problem.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void PageToken_RoundTripsAndRejectsForgedOrOtherQuery()
    {
        var binding = StoryPageToken.Binding("", null, null);
        var token = new StoryPageToken(40, StoryCandidates.Monday).Encode(binding);

        Assert.Equal(new StoryPageToken(40, StoryCandidates.Monday), StoryPageToken.Decode(token, binding));
        Assert.Null(StoryPageToken.Decode("", binding));
        Assert.Throws<ValidationException>(() => StoryPageToken.Decode("forged", binding));
        Assert.Throws<ValidationException>(() => StoryPageToken.Decode(token, StoryPageToken.Binding("article_count >= 2", null, null)));
        Assert.Throws<ValidationException>(() => StoryPageToken.Decode(token, StoryPageToken.Binding("", StoryCandidates.Monday, null)));
    }
}
