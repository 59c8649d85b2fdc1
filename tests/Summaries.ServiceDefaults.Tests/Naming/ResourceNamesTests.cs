using Summaries.ServiceDefaults.Errors;
using Summaries.ServiceDefaults.Filtering;
using Summaries.ServiceDefaults.Naming;

namespace Summaries.ServiceDefaults.Tests.Naming;

public sealed class ResourceNamesTests
{
    public static TheoryData<string, string, string> WellFormed => new()
    {
        { "articles", "articles/2ab3cd4ef5gh", "2ab3cd4ef5gh" },
        { "articles", "articles/Legacy_id-1", "Legacy_id-1" },
        { "entities", "entities/person-olaf-scholz", "person-olaf-scholz" },
        { "briefings", "briefings/0123456789abcdef", "0123456789abcdef" },
        { "stories", "stories/abc.xyz", "abc.xyz" },
        { "duplicateGroups", "duplicateGroups/2ab3cd4ef5gh", "2ab3cd4ef5gh" },
    };

    public static TheoryData<string, string> Malformed => new()
    {
        { "articles", "" },
        { "articles", "articles/" },
        { "articles", "articles/a/b" },
        { "articles", "articles/" + new string('a', 65) },
        { "articles", "entities/abc" },
        { "articles", "articles/has space" },
        { "articles", "abc" },
        { "entities", "entities/Olaf" },
        { "entities", "entities/" + new string('a', 101) },
        { "briefings", "briefings/0123456789ABCDEF" },
        { "briefings", "briefings/0123" },
        { "stories", "stories/abc..xyz" },
        { "stories", "stories/" + string.Join('.', Enumerable.Repeat("a", 21)) },
        { "duplicateGroups", "stories/abc" },
    };

    [Theory]
    [MemberData(nameof(WellFormed))]
    public void Parse_WellFormedName_TheIdAndBackAgain(string collection, string name, string id)
    {
        var names = Collection(collection);
        Assert.Equal(id, names.Parse(name));
        Assert.Equal(name, names.Format(id));
        Assert.True(names.IsMatch(name));
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Parse_MalformedName_FieldProblemShowingTheShape(string collection, string name)
    {
        var names = Collection(collection);
        var problem = Assert.Single(Assert.Throws<ValidationException>(() => names.Parse(name, "request.name")).Problems);
        Assert.Equal("request.name", problem.Field);
        Assert.Equal($"must look like {names.Shape}", problem.Description);
        Assert.False(names.TryParse(name, out _));
    }

    [Fact]
    public void Parse_Null_FieldProblem() =>
        Assert.Equal("name", Assert.Single(Assert.Throws<ValidationException>(() => ResourceNames.Articles.Parse(null)).Problems).Field);

    [Fact]
    public void Shape_NamesTheIdAfterTheCollection()
    {
        Assert.Equal("articles/{article}", ResourceNames.Articles.Shape);
        Assert.Equal("duplicateGroups/{group}", ResourceNames.DuplicateGroups.Shape);
    }

    [Theory]
    [InlineData("articles/abc", "abc")]
    [InlineData("abc", "abc")]
    [InlineData("entities/abc", "entities/abc")]
    public void IdOrSelf_StripsOnlyThisCollection(string text, string expected) =>
        Assert.Equal(expected, ResourceNames.Articles.IdOrSelf(text));

    [Fact]
    public void FilterField_ResourcePattern_RefusesOtherCollectionsWithTheShape()
    {
        var schema = new FilterSchema(FilterField.ResourceName("article", ResourceNames.Articles));
        Assert.Equal("articles/abc", Assert.Single(schema.Parse("article = \"articles/abc\"")).Text);
        var ex = Assert.Throws<ValidationException>(() => schema.Parse("article = \"entities/abc\""));
        Assert.Contains("\"articles/{article}\"", Assert.Single(ex.Problems).Description, StringComparison.Ordinal);
    }

    private static ResourcePattern Collection(string collection) => collection switch
    {
        "articles" => ResourceNames.Articles,
        "entities" => ResourceNames.Entities,
        "briefings" => ResourceNames.Briefings,
        "stories" => ResourceNames.Stories,
        _ => ResourceNames.DuplicateGroups,
    };
}
