namespace Summaries.Summary.Support;

/// <summary>One entity's name forms and roles, as the annotations give them.</summary>
public sealed record EntityForms(IReadOnlyList<string> Names, IReadOnlyList<string> Roles);

/// <summary>
/// The name forms of each entity the annotations found ("Mr Xi", "Xi Jinping") and its roles
/// ("Chinese President"), as comparison keys: a claim may call an entity by any of its forms and
/// roles when a source names it by one of its names.
/// </summary>
public sealed class NameForms
{
    private readonly List<(HashSet<string> Names, HashSet<string> All)> _groups;
    private readonly Dictionary<string, List<int>> _byName = new(StringComparer.Ordinal);

    public NameForms(IEnumerable<EntityForms> entities, SupportLexicon lexicon)
    {
        _groups = [];
        foreach (var entity in entities)
        {
            var names = Keys(entity.Names, lexicon);
            if (names.Count > 0)
            {
                var all = Keys(entity.Roles, lexicon);
                all.UnionWith(names);
                foreach (var key in names)
                {
                    if (!_byName.TryGetValue(key, out var list))
                    {
                        _byName[key] = list = [];
                    }

                    list.Add(_groups.Count);
                }

                _groups.Add((names, all));
            }
        }
    }

    /// <summary>The keys of every entity that one of <paramref name="present"/> names.</summary>
    public IEnumerable<string> Expand(IReadOnlySet<string> present) =>
        present.SelectMany(k => _byName.GetValueOrDefault(k) ?? []).Distinct().SelectMany(i => _groups[i].All);

    /// <summary>The name keys (not the roles) of every entity whose name holds the key.</summary>
    public HashSet<string> NamesOf(string key) =>
        (_byName.GetValueOrDefault(key) ?? []).SelectMany(i => _groups[i].Names).ToHashSet(StringComparer.Ordinal);

    /// <summary>The entity (by index) whose name holds the key, or -1.</summary>
    public int EntityOf(string key) => _byName.TryGetValue(key, out var list) ? list[0] : -1;

    private static HashSet<string> Keys(IEnumerable<string> forms, SupportLexicon lexicon) =>
        lexicon.KeysOf(forms).ToHashSet(StringComparer.Ordinal);
}
