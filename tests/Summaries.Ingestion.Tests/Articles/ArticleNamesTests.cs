using Summaries.Ingestion.Articles;
using Summaries.ServiceDefaults.Errors;

namespace Summaries.Ingestion.Tests.Articles;

public sealed class ArticleNamesTests
{
    [Fact]
    public void NewId_Always_TwelveLowercaseBase32Characters()
    {
        var ids = Enumerable.Range(0, 1_000).Select(_ => ArticleNames.NewId()).ToList();
        Assert.All(ids, id => Assert.Matches("^[a-z2-7]{12}$", id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("articles/abc234defghj", "abc234defghj")]
    [InlineData("articles/Some_Other-Id9", "Some_Other-Id9")]
    public void ParseId_WellFormedName_ReturnsId(string name, string id) =>
        Assert.Equal(id, ArticleNames.ParseId(name));

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("articles/")]
    [InlineData("briefings/abc")]
    [InlineData("articles/a/b")]
    [InlineData("articles/has space")]
    public void ParseId_Malformed_ThrowsOnNameField(string name)
    {
        var ex = Assert.Throws<ValidationException>(() => ArticleNames.ParseId(name));
        Assert.Equal("name", Assert.Single(ex.Problems).Field);
    }
}
