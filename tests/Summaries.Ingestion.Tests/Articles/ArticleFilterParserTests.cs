using Summaries.Ingestion.Articles;
using Summaries.ServiceDefaults.Errors;
using Summaries.ServiceDefaults.Paging;

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
    public void Parse_AndInsideQuotesAndFieldInAnyCase_OneCondition() =>
        Assert.Equal(
            [new ArticleFilterCondition(ArticleFilterField.Source, "Smith AND Sons")],
            ArticleFilterParser.Parse("SOURCE = \"Smith AND Sons\"").Conditions);

    [Fact]
    public void Parse_EscapedQuoteAndBackslash_Unescaped() =>
        Assert.Equal(
            "The \"Daily\" \\ Times",
            Assert.Single(ArticleFilterParser.Parse("source = \"The \\\"Daily\\\" \\\\ Times\"").Conditions).Value);

    [Fact]
    public void Parse_DuplicateGroupDuplicateOfAndTimeRange_AllConditions()
    {
        var conditions = ArticleFilterParser.Parse(
            "duplicate_group = \"duplicateGroups/abc\" AND duplicate_of = \"\" AND publish_time >= \"2024-05-01T02:00:00+02:00\" AND publish_time < 2024-06-01T00:00:00Z").Conditions;

        Assert.Equal([ArticleFilterField.DuplicateGroup, ArticleFilterField.DuplicateOf, ArticleFilterField.PublishTime, ArticleFilterField.PublishTime], conditions.Select(c => c.Field));
        Assert.Equal("abc", conditions[0].Value);
        Assert.Equal("", conditions[1].Value);
        Assert.Equal(ArticleFilterOperator.GreaterOrEqual, conditions[2].Operator);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero), conditions[2].Time);
        Assert.Equal(ArticleFilterOperator.Less, conditions[3].Operator);
        Assert.Equal(TimeSpan.Zero, conditions[3].Time!.Value.Offset);
    }

    [Fact]
    public void Parse_DeprecatedStory_TheSameGroup() =>
        Assert.Equal(
            ArticleFilterParser.Parse("duplicate_group = \"duplicateGroups/abc\"").Conditions,
            ArticleFilterParser.Parse("story = \"stories/abc\"").Conditions);

    [Theory]
    [InlineData("publish_time <= \"2024-05-01T00:00:00Z\"", ArticleFilterOperator.LessOrEqual)]
    [InlineData("publish_time > \"2024-05-01T00:00:00Z\"", ArticleFilterOperator.Greater)]
    [InlineData("publish_time = \"2024-05-01T00:00:00Z\"", ArticleFilterOperator.Equal)]
    public void Parse_TimeComparisons_Operator(string filter, ArticleFilterOperator expected) =>
        Assert.Equal(expected, Assert.Single(ArticleFilterParser.Parse(filter).Conditions).Operator);

    [Theory]
    [InlineData("publish_time >= \"2024-05-01\"", "RFC 3339")]
    [InlineData("publish_time >= \"2024-05-01T00:00:00\"", "RFC 3339")]
    [InlineData("publish_time >= \"last week\"", "RFC 3339")]
    [InlineData("source < \"b\"", "only compares with '='")]
    [InlineData("story >= x", "only compares with '='")]
    [InlineData("duplicate_group = \"stories/abc\"", "duplicateGroups/{group}")]
    [InlineData("story = \"duplicateGroups/abc\"", "stories/{article}")]
    [InlineData("entity = \"Xi Jinping\"", "unknown field 'entity'")]
    [InlineData("Source = \"x\" AND (language = en)", "parentheses are not supported")]
    [InlineData("title = \"x\"", "unknown field 'title'")]
    [InlineData("source \"x\"", "expected a comparison")]
    [InlineData("source =", "expected a value")]
    [InlineData("source = \"x", "unterminated string")]
    [InlineData("source = \"x\" AND", "expected a field name")]
    [InlineData("source = \"x\" OR language = en", "expected AND")]
    [InlineData("source = \"x\" language = en", "expected AND")]
    [InlineData("source != \"x\"", "'source' only compares with '='")]
    [InlineData("source = \"x\" OR language = en", "OR is not supported")]
    [InlineData("source = \"a\\n\"", "may be escaped")]
    [InlineData("= \"x\"", "expected a field name")]
    public void Parse_BadSyntax_ThrowsOnFilterField(string filter, string descriptionPart)
    {
        var ex = Assert.Throws<ValidationException>(() => ArticleFilterParser.Parse(filter));
        var problem = Assert.Single(ex.Problems);
        Assert.Equal("filter", problem.Field);
        Assert.Contains(descriptionPart, problem.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FilterOverTheLengthLimit_ThrowsOnFilterField()
    {
        var filter = string.Join(" AND ", Enumerable.Repeat("source = \"a\"", 200));
        Assert.True(filter.Length > ListFilters.MaxChars);

        var problem = Assert.Single(Assert.Throws<ValidationException>(() => ArticleFilterParser.Parse(filter)).Problems);
        Assert.Equal("filter", problem.Field);
        Assert.Contains($"at most {ListFilters.MaxChars} characters", problem.Description, StringComparison.Ordinal);
    }
}
