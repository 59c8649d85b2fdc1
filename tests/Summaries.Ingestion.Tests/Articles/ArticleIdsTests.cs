using Summaries.Ingestion.Articles;

namespace Summaries.Ingestion.Tests.Articles;

public sealed class ArticleIdsTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NewId_Always_TwelveLowercaseBase32Characters()
    {
        var ids = Enumerable.Range(0, 1_000).Select(i => ArticleIds.NewId(Noon.AddMilliseconds(i % 7))).ToList();
        Assert.All(ids, id => Assert.Matches("^[a-z2-7]{12}$", id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void NewId_LaterMillisecond_SortsAfterAsText()
    {
        var ids = Enumerable.Range(0, 200).Select(i => ArticleIds.NewId(Noon.AddDays(i).AddMilliseconds(i))).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public void NewId_ManyInOneMillisecond_IncreasingAndDistinct()
    {
        var later = Noon.AddYears(1);
        var ids = Enumerable.Range(0, 5_000).Select(_ => ArticleIds.NewId(later)).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void NewId_ClockStepsBack_StillIncreasing()
    {
        var first = ArticleIds.NewId(Noon.AddYears(2));
        var second = ArticleIds.NewId(Noon.AddYears(2).AddSeconds(-30));
        Assert.True(string.CompareOrdinal(second, first) > 0, $"{second} should sort after {first}");
    }
}
