using Summaries.Language;
using Summaries.ServiceDefaults.Filtering;
using Summaries.ServiceDefaults.Naming;

namespace Summaries.Entity.Registry;

/// <summary>
/// The ListEntities filter, in the grammar every List method shares (<see cref="FilterParser"/>):
/// <c>type = PERSON</c> (PERSON, ORGANIZATION, LOCATION, MISC; the short CoNLL names and the
/// <c>ENTITY_TYPE_</c> proto names too, any case) and <c>article = "articles/x"</c>, each at most
/// once, joined with AND.
/// </summary>
public static class EntityFilterParser
{
    private static readonly FilterSchema Schema = new(
        FilterField.Enum("type", Types(), ["PERSON", "ORGANIZATION", "LOCATION", "MISC"]) with { Repeatable = false },
        FilterField.ResourceName("article", ResourceNames.Articles) with { Repeatable = false });

    public static EntityFilter Parse(string? filter)
    {
        var terms = Schema.Parse(filter);
        return new EntityFilter(
            terms.FirstOrDefault(t => t.Field == "type")?.ChoiceAs<EntityKind>(),
            terms.FirstOrDefault(t => t.Field == "article")?.Text);
    }

    private static Dictionary<string, EntityKind> Types()
    {
        var names = new Dictionary<string, EntityKind>
        {
            ["PERSON"] = EntityKind.Person,
            ["PER"] = EntityKind.Person,
            ["ORGANIZATION"] = EntityKind.Organization,
            ["ORGANISATION"] = EntityKind.Organization,
            ["ORG"] = EntityKind.Organization,
            ["LOCATION"] = EntityKind.Location,
            ["LOC"] = EntityKind.Location,
            ["MISC"] = EntityKind.Misc,
        };
        foreach (var (name, kind) in names.ToList())
        {
            names["ENTITY_TYPE_" + name] = kind;
        }

        return names;
    }
}
