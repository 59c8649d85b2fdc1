using Summaries.Ingestion.Articles;

namespace Summaries.Ingestion.Tests.Articles;

public sealed class ArticleNormalizerTests
{
    [Fact]
    public void Normalize_TitleWithCrLfAndSpace_Trimmed() =>
        Assert.Equal("Title", ArticleNormalizer.Normalize(new ArticleInput("  Title \r\n", "B")).Title);

    [Theory]
    [InlineData("\r\n First line.\r\n\r\nSecond\rthird.  \r\n")]
    [InlineData("He said:  “Yes”\t—  twice.\n\n\n  Indented paragraph.")]
    public void Normalize_Body_KeptExactlyAsSent(string body) =>
        Assert.Equal(body, ArticleNormalizer.Normalize(new ArticleInput("T", body)).Body);

    [Fact]
    public void Normalize_EmptyLanguage_DefaultsToEnglish() =>
        Assert.Equal("en", ArticleNormalizer.Normalize(new ArticleInput("T", "B", Language: "  ")).Language);

    [Fact]
    public void Normalize_SourceAndUrl_Trimmed()
    {
        var result = ArticleNormalizer.Normalize(new ArticleInput("T", "B", " BBC News ", " https://bbc.co.uk/x "));
        Assert.Equal("BBC News", result.Source);
        Assert.Equal("https://bbc.co.uk/x", result.Url);
    }
}
