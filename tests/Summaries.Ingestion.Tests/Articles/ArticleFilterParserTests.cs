using Summaries.Ingestion.Articles;
using Summaries.ServiceDefaults.Errors;

namespace Summaries.Ingestion.Tests.Articles;

public sealed class ArticleFilterParserTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_Empty_NoConditions(string? filter) =>
        Assert.Empty(ArticleFilterParser.Parse(filter).Conditions);

    [Fact]
    public void Parse_QuotedSource_OneCondition() =>
        Assert.Equal(
            [new ArticleFilterCondition(ArticleFilterField.Source, "BBC News")],
            ArticleFilterParser.Parse("source = \"BBC News\"").Conditions);

    [Fact]
    public void Parse_TwoClausesWithAnd_BothConditions() =>
        Assert.Equal(
            [new ArticleFilterCondition(ArticleFilterField.Source, "AP"), new ArticleFilterCondition(ArticleFilterField.Language, "en")],
            ArticleFilterParser.Parse("source=\"AP\" AND language = \"en\"").Conditions);

    [Fact]
    public void Parse_BareValueAndLowercaseAnd_Accepted() =>
        Assert.Equal(
            [new ArticleFilterCondition(ArticleFilterField.Language, "pt-BR"), new ArticleFilterCondition(ArticleFilterField.Source, "Reuters")],
            ArticleFilterParser.Parse("language = pt-BR and source = Reuters").Conditions);

    [Fact]
    public void Parse_EscapedQuoteAndBackslash_Unescaped() =>
        Assert.Equal(
            "The \"Daily\" \\ Times",
            Assert.Single(ArticleFilterParser.Parse("source = \"The \\\"Daily\\\" \\\\ Times\"").Conditions).Value);

    [Theory]
    [InlineData("title = \"x\"", "unknown field 'title'")]
    [InlineData("source \"x\"", "expected '='")]
    [InlineData("source =", "expected a value")]
    [InlineData("source = \"x", "unterminated string")]
    [InlineData("source = \"x\" AND", "expected a field name")]
    [InlineData("source = \"x\" OR language = en", "expected AND")]
    [InlineData("source = \"x\" language = en", "expected AND")]
    [InlineData("source != \"x\"", "unexpected character '!'")]
    [InlineData("source = \"a\\n\"", "may be escaped")]
    [InlineData("= \"x\"", "expected a field name")]
    public void Parse_BadSyntax_ThrowsOnFilterField(string filter, string descriptionPart)
    {
        var ex = Assert.Throws<ValidationException>(() => ArticleFilterParser.Parse(filter));
        var problem = Assert.Single(ex.Problems);
        Assert.Equal("filter", problem.Field);
        Assert.Contains(descriptionPart, problem.Description, StringComparison.Ordinal);
    }
}
