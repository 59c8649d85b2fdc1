using Summaries.Ingestion.Articles;

namespace Summaries.Ingestion.Tests.Articles;

public sealed class ArticleNormalizerTests
{
    [Fact]
    public void Normalize_CrLfAndSurroundingSpace_BecomeLfAndTrimmed()
    {
        var result = ArticleNormalizer.Normalize(new ArticleInput("  Title \r\n", "\r\n First line.\r\n\r\nSecond\rthird.  \r\n"));
        Assert.Equal("Title", result.Title);
        Assert.Equal("First line.\n\nSecond\nthird.", result.Body);
    }

    [Fact]
    public void Normalize_BodyInterior_KeptExactly()
    {
        const string body = "He said:  “Yes”\t—  twice.\n\n\n  Indented paragraph.";
        Assert.Equal(body, ArticleNormalizer.Normalize(new ArticleInput("T", body)).Body);
    }

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
