using Summaries.Contracts.Entity.V1;
using Summaries.Summary.Facts;

namespace Summaries.Summary.Tests.Facts;

public sealed class PersonNamesTests
{
    [Fact]
    public void Build_SurnameInOneReportFullNameInAnother_OneEntity()
    {
        var first = GeneratedReports.Document("articles/r1", ["Ken Boehm, the group's chairman, criticised the bill."],
            [("Person:Ken Boehm", "Ken Boehm", EntityType.Person, ["Ken Boehm"])]);
        var second = GeneratedReports.Document("articles/r2", ["Boehm said the bill would fail."],
            [("Person:Boehm", "Boehm", EntityType.Person, ["Boehm"])]);

        var sheet = new FactSheetBuilder().Build([first, second]);

        var person = Assert.Single(sheet.Entities, e => e.Type == EntityKind.Person);
        Assert.Equal("Ken Boehm", person.DisplayName);
        Assert.All(sheet.Facts, f => Assert.Contains(person.Key, f.EntityKeys));
    }

    [Fact]
    public void Build_HonorificNameTypedAnOrganisation_JoinsThePersonAsAPerson()
    {
        // Recognition typed "Mr Reid" an organisation in the report that came first.
        var first = GeneratedReports.Document("articles/r1", ["Mr Reid said the ban would start in 2008."],
            [("Organization:Mr Reid", "Mr Reid", EntityType.Organization, ["Mr Reid"])]);
        var second = GeneratedReports.Document("articles/r2", ["Health Secretary John Reid announced the ban."],
            [("Person:John Reid", "John Reid", EntityType.Person, ["John Reid"])]);

        var sheet = new FactSheetBuilder().Build([first, second]);

        var reid = Assert.Single(sheet.Entities);
        Assert.Equal(("John Reid", EntityKind.Person), (reid.DisplayName, reid.Type));
    }

    [Theory]
    [InlineData("van Rensburg", "Wessel van Rensburg")]
    [InlineData("Ole Mjoes", "Ole Danbolt Mjoes")]
    public void Merges_ShortFormOfOneFullName_JoinsIt(string shorter, string full)
    {
        var merges = PersonNames.Merges([("a", shorter, EntityKind.Person), ("b", full, EntityKind.Person)]);

        Assert.Equal("b", merges["a"]);
    }

    [Fact]
    public void Merges_TwoPeopleShareTheSurname_BareSurnameLeftAlone()
    {
        var merges = PersonNames.Merges(
            [("bush", "Bush", EntityKind.Person), ("george", "George Bush", EntityKind.Person), ("jeb", "Jeb Bush", EntityKind.Person)]);

        Assert.Empty(merges);
    }

    [Fact]
    public void Merges_FullNameInsideTwoNamesRunTogether_LeftAlone()
    {
        var merges = PersonNames.Merges([("w", "Wangari Maathai", EntityKind.Person), ("g", "Geoffrey Dabelko Wangari Maathai", EntityKind.Person)]);

        Assert.Empty(merges);
    }

    [Fact]
    public void Merges_PlaceNamedLikeAPerson_NotAPersonMerge()
    {
        var merges = PersonNames.Merges([("w", "Washington", EntityKind.Location), ("g", "George Washington", EntityKind.Person)]);

        Assert.Empty(merges);
    }
}
