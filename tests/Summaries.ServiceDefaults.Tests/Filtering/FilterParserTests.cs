using Summaries.ServiceDefaults.Errors;
using Summaries.ServiceDefaults.Filtering;
using Summaries.ServiceDefaults.Paging;

namespace Summaries.ServiceDefaults.Tests.Filtering;

public sealed class FilterParserTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t\n ")]
    public void Parse_Empty_NoComparisons(string? filter) =>
        Assert.Empty(FilterParser.Parse(filter).Comparisons);

    [Fact]
    public void Parse_OneComparison_FieldOperatorValueAndPositions()
    {
        var comparison = Assert.Single(FilterParser.Parse("  source = \"Example Wire\"").Comparisons);

        Assert.Equal(new FilterComparison("source", 2, FilterOperator.Equal, 9, new FilterLiteral("Example Wire", true, 11)), comparison);
    }

    [Fact]
    public void Parse_EscapedQuotesAndBackslash_Unescaped() =>
        Assert.Equal(
            "a \"quoted\" \\ name",
            Assert.Single(FilterParser.Parse("name = \"a \\\"quoted\\\" \\\\ name\"").Comparisons).Value.Text);

    [Fact]
    public void Parse_AndInsideQuotes_PartOfTheValue()
    {
        var comparisons = FilterParser.Parse("source = \"Smith AND Sons\" AND language = en").Comparisons;

        Assert.Equal(["Smith AND Sons", "en"], comparisons.Select(c => c.Value.Text));
    }

    [Theory]
    [InlineData("a=1 AND b=2")]
    [InlineData("a = 1 and b = 2")]
    [InlineData("a\t=\t1\nAnd\nb =2")]
    public void Parse_AnyWhitespaceAndCaseOfAnd_TwoComparisons(string filter) =>
        Assert.Equal(["a", "b"], FilterParser.Parse(filter).Comparisons.Select(c => c.Field));

    [Theory]
    [InlineData("t = x", FilterOperator.Equal)]
    [InlineData("t != x", FilterOperator.NotEqual)]
    [InlineData("t < x", FilterOperator.Less)]
    [InlineData("t <= x", FilterOperator.LessOrEqual)]
    [InlineData("t > x", FilterOperator.Greater)]
    [InlineData("t >= x", FilterOperator.GreaterOrEqual)]
    public void Parse_EachOperator_Read(string filter, FilterOperator expected) =>
        Assert.Equal(expected, Assert.Single(FilterParser.Parse(filter).Comparisons).Operator);

    [Fact]
    public void Parse_BareAndQuotedValues_QuotedMarked()
    {
        var comparisons = FilterParser.Parse("n >= 2 AND t < 2024-06-01T00:00:00Z AND e = \"\"").Comparisons;

        Assert.Equal([("2", false), ("2024-06-01T00:00:00Z", false), ("", true)], comparisons.Select(c => (c.Value.Text, c.Value.Quoted)));
    }

    [Theory]
    [InlineData("source \"x\"", "expected a comparison after 'source' at position 7")]
    [InlineData("source =", "expected a value after 'source =' at the end of the filter")]
    [InlineData("source == x", "expected a value after 'source =' at position 8")]
    [InlineData("source = \"x", "unterminated string starting at position 9")]
    [InlineData("source = \"x\" AND", "expected a field name at the end of the filter")]
    [InlineData("= \"x\"", "expected a field name at position 0")]
    [InlineData("a = 1 OR b = 2", "expected AND or the end of the filter at position 6: OR is not supported")]
    [InlineData("a = 1 b = 2", "expected AND or the end of the filter at position 6")]
    [InlineData("(a = 1)", "unexpected character '(' at position 0; parentheses are not supported")]
    [InlineData("a = 1 AND NOT b = 2", "expected a comparison after 'NOT' at position 14")]
    [InlineData("a = \"x\\n\"", "only \\\" and \\\\ may be escaped (position 6)")]
    [InlineData("a ~ 1", "unexpected character '~' at position 2")]
    public void Parse_BadSyntax_FieldViolationOnFilterWithPosition(string filter, string description)
    {
        var problem = Assert.Single(Assert.Throws<ValidationException>(() => FilterParser.Parse(filter)).Problems);

        Assert.Equal("filter", problem.Field);
        Assert.StartsWith(description, problem.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OverTheLengthLimit_FieldViolationOnTheGivenField()
    {
        var filter = string.Join(" AND ", Enumerable.Repeat("a = 1", 500));

        var problem = Assert.Single(Assert.Throws<ValidationException>(() => FilterParser.Parse(filter, "query.filter")).Problems);

        Assert.Equal("query.filter", problem.Field);
        Assert.Contains($"at most {ListFilters.MaxChars} characters", problem.Description, StringComparison.Ordinal);
    }
}
