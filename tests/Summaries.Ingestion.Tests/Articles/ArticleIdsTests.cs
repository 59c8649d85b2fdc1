using Summaries.Ingestion.Articles;
using Summaries.ServiceDefaults.Errors;

namespace Summaries.Ingestion.Tests.Articles;

public sealed class ArticleNamesTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NewId_Always_TwelveLowercaseBase32Characters()
    {
        var ids = Enumerable.Range(0, 1_000).Select(i => ArticleNames.NewId(Noon.AddMilliseconds(i % 7))).ToList();
        Assert.All(ids, id => Assert.Matches("^[a-z2-7]{12}$", id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void NewId_LaterMillisecond_SortsAfterAsText()
    {
        var ids = Enumerable.Range(0, 200).Select(i => ArticleNames.NewId(Noon.AddDays(i).AddMilliseconds(i))).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public void NewId_ManyInOneMillisecond_IncreasingAndDistinct()
    {
        var later = Noon.AddYears(1);
        var ids = Enumerable.Range(0, 5_000).Select(_ => ArticleNames.NewId(later)).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void NewId_ClockStepsBack_StillIncreasing()
    {
        var first = ArticleNames.NewId(Noon.AddYears(2));
        var second = ArticleNames.NewId(Noon.AddYears(2).AddSeconds(-30));
        Assert.True(string.CompareOrdinal(second, first) > 0, $"{second} should sort after {first}");
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
