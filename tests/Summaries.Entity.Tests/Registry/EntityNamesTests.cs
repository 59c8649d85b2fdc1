using Summaries.Entity.Registry;
using Summaries.Language;

namespace Summaries.Entity.Tests.Registry;

public sealed class EntityNamesTests
{
    [Theory]
    [InlineData(EntityKind.Person, "Xi Jinping", "entities/person-xi-jinping")]
    [InlineData(EntityKind.Organization, "China’s ministry of foreign affairs", "entities/org-chinas-ministry-of-foreign-affairs")]
    [InlineData(EntityKind.Person, "José Martí", "entities/person-jose-marti")]
    [InlineData(EntityKind.Location, "  São Paulo!! ", "entities/location-sao-paulo")]
    public void For_DisplayNames_StableSlugs(EntityKind kind, string name, string expected)
    {
        Assert.Equal(expected, EntityNames.For(kind, name));
    }

    [Fact]
    public void Slug_NoLatinLetters_HashBased()
    {
        var slug = EntityNames.Slug("习近平");

        Assert.Matches("^x[0-9a-f]{12}$", slug);
        Assert.Equal(slug, EntityNames.Slug("习近平"));
    }
}
