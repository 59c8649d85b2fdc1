using Summaries.ServiceDefaults.Errors;
using Summaries.Summary.Stories;

namespace Summaries.Summary.Tests.Stories;

public sealed class StoryNamesTests
{
    [Fact]
    public void For_ArticlesInAnyOrder_SortedIdsJoined()
    {
        Assert.Equal("stories/abc.xyz", StoryNames.For(["articles/xyz", "articles/abc"]));
    }

    [Fact]
    public void For_MoreThanABriefingCovers_ListsTheMostRecent()
    {
        var newestFirst = Enumerable.Range(0, 25).Select(i => $"articles/a{i:D2}").ToList();

        var articles = StoryNames.ArticlesOf(StoryNames.For(newestFirst), "story");

        Assert.Equal(StoryNames.MaxArticles, articles.Count);
        Assert.Equal(newestFirst.Take(StoryNames.MaxArticles).Order(StringComparer.Ordinal), articles);
    }

    [Theory]
    [InlineData("")]
    [InlineData("stories/")]
    [InlineData("articles/abc")]
    [InlineData("stories/abc..def")]
    [InlineData("stories/abc/def")]
    public void ArticlesOf_Malformed_FieldViolation(string name)
    {
        var ex = Assert.Throws<ValidationException>(() => StoryNames.ArticlesOf(name, "story"));

        Assert.Equal("story", Assert.Single(ex.Problems).Field);
    }

    [Fact]
    public void ArticlesOf_TooManyIds_FieldViolation()
    {
        var name = "stories/" + string.Join('.', Enumerable.Range(0, 21).Select(i => $"a{i}"));

        Assert.Throws<ValidationException>(() => StoryNames.ArticlesOf(name, "story"));
    }
}
