using Summaries.Entity.Annotation;

namespace Summaries.Entity.Registry;

/// <summary>A registry row as registration sees it.</summary>
internal sealed record EntityRow(string Name, string DisplayName, EntityKind Kind, IReadOnlyList<string> Aliases, IReadOnlyList<string> Roles);

/// <summary>
/// How one article's entities enter the registry, worked out in memory from the rows they could
/// match, so every store registers identically. Entities are taken in order; each is the
/// registered entity with its exact name, else the first by name of its kind that lists its
/// display name as an alias, else a new one (so a later entity can match an earlier one's new row).
/// Aliases and roles grow as unions in first-seen order; an entity matched twice in one article
/// has its mentions added.
/// </summary>
internal sealed class RegistrationPlan
{
    private RegistrationPlan(IReadOnlyDictionary<string, string> names, IReadOnlyList<EntityRow> rows, IReadOnlyList<(string Name, int Mentions)> mentions)
    {
        Names = names;
        Rows = rows;
        Mentions = mentions;
    }

    /// <summary>Registry name of each entity key.</summary>
    public IReadOnlyDictionary<string, string> Names { get; }

    /// <summary>Every row the article touches, as it should be stored, ordered by name.</summary>
    public IReadOnlyList<EntityRow> Rows { get; }

    /// <summary>The article's mention count per registry name, ordered by name.</summary>
    public IReadOnlyList<(string Name, int Mentions)> Mentions { get; }

    /// <summary>Exact names to fetch: the rows an entity can match by name.</summary>
    public static string[] NamesToFetch(IReadOnlyList<EntityInfo> entities) =>
        entities.Select(e => EntityNames.For(e.Kind, e.DisplayName)).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Display names to look for among aliases: the rows an entity can match by alias.</summary>
    public static string[] AliasesToFetch(IReadOnlyList<EntityInfo> entities) =>
        entities.Select(e => e.DisplayName).Distinct(StringComparer.Ordinal).ToArray();

    /// <param name="candidates">
    /// At least every stored row named in <see cref="NamesToFetch"/> and, for each of
    /// <see cref="AliasesToFetch"/> and each kind, the stored row with the smallest name listing it
    /// as an alias (the only one an entity can match by it); more rows do no harm.
    /// </param>
    public static RegistrationPlan Create(IReadOnlyList<EntityInfo> entities, IEnumerable<EntityRow> candidates)
    {
        var rows = new Dictionary<string, EntityRow>(StringComparer.Ordinal);
        foreach (var row in candidates)
        {
            rows[row.Name] = row;
        }

        // (kind, alias) → the smallest name of a row listing it: a lookup, not a scan of every row per entity.
        var byAlias = new Dictionary<(EntityKind, string), string>();
        foreach (var row in rows.Values)
        {
            IndexAliases(byAlias, row);
        }

        var touched = new SortedSet<string>(StringComparer.Ordinal);
        var mentions = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in entities)
        {
            var name = Resolve(rows, byAlias, e);
            rows.TryGetValue(name, out var existing);
            var updated = rows[name] = new EntityRow(
                name,
                existing?.DisplayName ?? e.DisplayName,
                existing?.Kind ?? e.Kind,
                Union(existing?.Aliases, e.Aliases.Append(e.DisplayName)),
                Union(existing?.Roles, e.Roles.Select(r => r.Text)));
            IndexAliases(byAlias, updated);
            touched.Add(name);
            mentions[name] = mentions.GetValueOrDefault(name) + e.MentionCount;
            names[e.Key] = name;
        }

        return new RegistrationPlan(
            names,
            touched.Select(n => rows[n]).ToList(),
            mentions.Select(m => (m.Key, m.Value)).ToList());
    }

    private static string Resolve(Dictionary<string, EntityRow> rows, Dictionary<(EntityKind, string), string> byAlias, EntityInfo e)
    {
        var name = EntityNames.For(e.Kind, e.DisplayName);
        return rows.ContainsKey(name) ? name : byAlias.GetValueOrDefault((e.Kind, e.DisplayName), name);
    }

    private static void IndexAliases(Dictionary<(EntityKind, string), string> byAlias, EntityRow row)
    {
        foreach (var alias in row.Aliases)
        {
            if (!byAlias.TryGetValue((row.Kind, alias), out var current) || string.CompareOrdinal(row.Name, current) < 0)
            {
                byAlias[(row.Kind, alias)] = row.Name;
            }
        }
    }

    private static List<string> Union(IEnumerable<string>? existing, IEnumerable<string> added) =>
        (existing ?? []).Concat(added).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToList();
}
