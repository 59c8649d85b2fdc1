using System.Text.RegularExpressions;
using Summaries.Entity.Annotation;
using Summaries.ServiceDefaults.Errors;
using Summaries.ServiceDefaults.Paging;

namespace Summaries.Entity.Registry;

/// <summary>Parses ListEntities filters: <c>type = PERSON</c>, <c>article = "articles/x"</c>, joined with AND.</summary>
public static partial class EntityFilterParser
{
    public static EntityFilter Parse(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return new EntityFilter(null, null);
        }

        ListFilters.EnsureLength(filter);

        EntityKind? kind = null;
        string? article = null;
        foreach (var clause in AndSplit().Split(filter.Trim()))
        {
            var m = Clause().Match(clause);
            if (!m.Success)
            {
                throw Invalid($"cannot parse '{clause.Trim()}'");
            }

            var field = m.Groups["field"].Value.ToLowerInvariant();
            var value = m.Groups["value"].Value.Trim('"');
            switch (field)
            {
                case "type":
                    kind = value.ToUpperInvariant().Replace("ENTITY_TYPE_", string.Empty, StringComparison.Ordinal) switch
                    {
                        "PERSON" or "PER" => EntityKind.Person,
                        "ORGANIZATION" or "ORGANISATION" or "ORG" => EntityKind.Organization,
                        "LOCATION" or "LOC" => EntityKind.Location,
                        "MISC" => EntityKind.Misc,
                        _ => throw Invalid($"unknown type '{value}' (PERSON, ORGANIZATION, LOCATION, MISC)"),
                    };
                    break;
                case "article":
                    article = value;
                    break;
                default:
                    throw Invalid($"unknown field '{field}' (type, article)");
            }
        }

        return new EntityFilter(kind, article);
    }

    private static ValidationException Invalid(string why) => new("filter", why);

    [GeneratedRegex(@"\s+AND\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AndSplit();

    [GeneratedRegex(@"^\s*(?<field>[A-Za-z_]+)\s*=\s*(?<value>""[^""]*""|[A-Za-z_]+)\s*$")]
    private static partial Regex Clause();
}
