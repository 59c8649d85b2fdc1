using System.Text.RegularExpressions;
using Summaries.ServiceDefaults.Errors;
using Summaries.ServiceDefaults.Filtering;

namespace Summaries.ServiceDefaults.Tests.Filtering;

public sealed partial class FilterSchemaTests
{
    private enum Colour
    {
        Red,
        Green,
    }

    private static readonly FilterSchema Schema = new(
        FilterField.String("source"),
        FilterField.Timestamp("publish_time", FilterOperator.Equal, FilterOperator.Less, FilterOperator.GreaterOrEqual),
        FilterField.Integer("count", 1, 100, FilterOperator.GreaterOrEqual),
        FilterField.Enum("colour", new Dictionary<string, Colour> { ["RED"] = Colour.Red, ["GREEN"] = Colour.Green, ["COLOUR_GREEN"] = Colour.Green }, ["RED", "GREEN"]) with { Repeatable = false },
        FilterField.ResourceName("entity", EntityName(), "entities/{id}"));

    [Fact]
    public void Parse_Empty_NoTerms() =>
        Assert.Empty(Schema.Parse("  "));

    [Fact]
    public void Parse_EveryType_TypedValues()
    {
        var terms = Schema.Parse("source = \"A AND B\" AND publish_time >= \"2024-05-01T02:00:00+02:00\" AND count >= 3 AND colour = colour_green AND entity = \"entities/x-1\"");

        Assert.Equal("A AND B", terms[0].Text);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero), terms[1].Time);
        Assert.Equal(TimeSpan.Zero, terms[1].Time!.Value.Offset);
        Assert.Equal(FilterOperator.GreaterOrEqual, terms[1].Operator);
        Assert.Equal(3, terms[2].Number);
        Assert.Equal(Colour.Green, terms[3].ChoiceAs<Colour>());
        Assert.Equal("entities/x-1", terms[4].Text);
    }

    [Fact]
    public void Parse_FieldNameInAnyCase_DeclaredName() =>
        Assert.Equal("colour", Assert.Single(Schema.Parse("COLOUR = \"red\"")).Field);

    [Fact]
    public void Parse_RepeatableField_EveryClauseKept() =>
        Assert.Equal(["a", "b"], Schema.Parse("source = a AND source = b").Select(t => t.Text));

    [Theory]
    [InlineData("title = x", "unknown field 'title' at position 0; filterable fields are source, publish_time, count, colour and entity")]
    [InlineData("source < x", "'source' only compares with '=' (position 7)")]
    [InlineData("source != x", "'source' only compares with '=' (position 7)")]
    [InlineData("publish_time > \"2024-05-01T00:00:00Z\"", "'publish_time' only compares with '=', '<' or '>='")]
    [InlineData("count > 2", "'count' only compares with '>='")]
    [InlineData("publish_time = \"2024-05-01\"", "'2024-05-01' at position 15 is not an RFC 3339 time")]
    [InlineData("publish_time = \"2024-05-01T00:00:00\"", "'2024-05-01T00:00:00' at position 15 is not an RFC 3339 time")]
    [InlineData("publish_time = yesterday", "'yesterday' at position 15 is not an RFC 3339 time")]
    [InlineData("count >= 0", "'count' takes a whole number from 1 to 100; '0' at position 9 is not one")]
    [InlineData("count >= two", "'count' takes a whole number from 1 to 100")]
    [InlineData("count >= -5", "'count' takes a whole number from 1 to 100")]
    [InlineData("colour = BLUE", "unknown colour 'BLUE' at position 9; use one of RED, GREEN")]
    [InlineData("entity = Kmart", "'entity' takes a name like \"entities/{id}\"; 'Kmart' at position 9 is not one")]
    [InlineData("colour = RED AND colour = GREEN", "'colour' may appear only once (again at position 17)")]
    public void Parse_WrongFieldOperatorOrType_FieldViolationOnFilter(string filter, string description)
    {
        var problem = Assert.Single(Assert.Throws<ValidationException>(() => Schema.Parse(filter)).Problems);

        Assert.Equal("filter", problem.Field);
        Assert.StartsWith(description, problem.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void ChoiceAs_NotAnEnumTerm_Throws() =>
        Assert.Throws<InvalidOperationException>(() => Assert.Single(Schema.Parse("source = x")).ChoiceAs<Colour>());

    [GeneratedRegex("^entities/[a-z0-9-]{1,100}$")]
    private static partial Regex EntityName();
}
