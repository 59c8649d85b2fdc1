using Summaries.Summary.Facts;

namespace Summaries.Summary.Tests.Facts;

public sealed class OutletNamesTests
{
    [Theory]
    [InlineData("www.cnn.com", "CNN")]
    [InlineData("news.bbc.co.uk", "BBC")]
    [InlineData("www.reuters.com", "Reuters")]
    [InlineData("https://www.nytimes.com/2004/11/story.html", "Nytimes")]
    [InlineData("www.heise.de", "Heise")]
    [InlineData("Reuters", "Reuters")]
    [InlineData("Generated Wire", "Generated Wire")]
    [InlineData("", "“Firefox takes torch”")]
    public void Name_Source_ReadableOutlet(string source, string expected)
    {
        Assert.Equal(expected, OutletNames.Name(new FactArticle("a1", "articles/a", "Firefox takes torch", source, null)));
    }

    [Fact]
    public void Name_NoSourceNoTitle_Null()
    {
        Assert.Null(OutletNames.Name(new FactArticle("a1", "articles/a", " ", "", null)));
    }

    [Fact]
    public void Unattributed_OutletOfEveryCitedArticle_RestOfTheSentence()
    {
        var cnn = new FactArticle("a1", "articles/a", "T", "www.cnn.com", null);
        var bbc = new FactArticle("a2", "articles/b", "T", "news.bbc.co.uk", null);

        Assert.Equal("police said 12 died.", OutletNames.Unattributed("According to CNN, police said 12 died.", [cnn]));
        Assert.Null(OutletNames.Unattributed("According to CNN, police said 12 died.", [bbc]));
        Assert.Null(OutletNames.Unattributed("According to CNN, police said 12 died.", [cnn, bbc]));
        Assert.Null(OutletNames.Unattributed("Police said 12 died.", [cnn]));
    }
}
