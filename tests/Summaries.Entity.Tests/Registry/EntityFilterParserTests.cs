using Summaries.Entity.Registry;
using Summaries.Language;
using Summaries.ServiceDefaults.Errors;

namespace Summaries.Entity.Tests.Registry;

public sealed class EntityFilterParserTests
{
    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Parse_Empty_NoConditions(string? filter) =>
        Assert.Equal(new EntityFilter(null, null), EntityFilterParser.Parse(filter));

    [Theory]
    [InlineData("type = PERSON", EntityKind.Person)]
    [InlineData("type = \"org\"", EntityKind.Organization)]
    [InlineData("TYPE = ORGANISATION", EntityKind.Organization)]
    [InlineData("type = ENTITY_TYPE_LOCATION", EntityKind.Location)]
    [InlineData("type = loc", EntityKind.Location)]
    [InlineData("type = MISC", EntityKind.Misc)]
    public void Parse_TypeNames_Kind(string filter, EntityKind expected) =>
        Assert.Equal(expected, EntityFilterParser.Parse(filter).Kind);

    [Theory]
    [InlineData("type = PERSON AND article = \"articles/a-1\"")]
    [InlineData("article = \"articles/a-1\" and type = PERSON")]
    public void Parse_TypeAndArticle_Both(string filter) =>
        Assert.Equal(new EntityFilter(EntityKind.Person, "articles/a-1"), EntityFilterParser.Parse(filter));

    [Theory]
    [InlineData("colour = RED", "unknown field 'colour' at position 0; filterable fields are type and article")]
    [InlineData("type = ALIEN", "unknown type 'ALIEN' at position 7; use one of PERSON, ORGANIZATION, LOCATION, MISC")]
    [InlineData("type = PERSON OR 1=1", "expected AND or the end of the filter at position 14: OR is not supported")]
    [InlineData("type != PERSON", "'type' only compares with '='")]
    [InlineData("article = \"Kmart\"", "'article' takes a name like \"articles/{article}\"")]
    [InlineData("type = PERSON AND type = ORG", "'type' may appear only once")]
    public void Parse_Unsupported_FieldViolationOnFilter(string filter, string description)
    {
        var problem = Assert.Single(Assert.Throws<ValidationException>(() => EntityFilterParser.Parse(filter)).Problems);

        Assert.Equal("filter", problem.Field);
        Assert.StartsWith(description, problem.Description, StringComparison.Ordinal);
    }
}
