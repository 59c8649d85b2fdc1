using Summaries.Language;

namespace Summaries.Entity.Registry;

/// <summary>
/// How one article's entities enter the registry, worked out in memory from what the store read
/// (<see cref="RegistryView"/>), so every store registers identically. Each entity is the registered
/// entity with its exact name (a merged name answering with its canonical entity), else:
/// <list type="bullet">
/// <item>a person whose name is a short form ("Boehm", "Ole Mjoes") or an alias of exactly one
/// registered person joins it, a short form only when the evidence agrees (<see cref="PersonEvidence"/>);
/// two people who share a surname leave it its own entity;</item>
/// <item>any other kind joins the first by name of its kind listing its display name as an alias;</item>
/// </list>
/// else a new one. Fuller person names are taken first, so a short name in the same article can join
/// them. A fuller person registered after its short form adopts the short row on the same terms
/// (<see cref="Merges"/>), so the order articles arrive in does not decide who is one person.
/// Aliases and roles grow as unions in first-seen order.
/// </summary>
internal sealed class RegistrationPlan
{
    private readonly Dictionary<string, EntityRow> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _merged;
    private readonly Dictionary<(EntityKind Kind, string Alias), (string First, string Last)> _aliases = [];
    private readonly Dictionary<string, (string First, string Last)> _keys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private readonly PersonEvidence _evidence;

    private RegistrationPlan(RegistryView view, PersonEvidence evidence)
    {
        _evidence = evidence;
        _merged = new Dictionary<string, string>(view.Merged, StringComparer.Ordinal);
        foreach (var row in view.Rows)
        {
            _rows[row.Name] = row;
        }

        foreach (var l in view.Aliases)
        {
            _aliases[(l.Kind, l.Lookup)] = (l.First, l.Last);
        }

        foreach (var l in view.PersonKeys)
        {
            _keys[l.Lookup] = (l.First, l.Last);
        }
    }

    /// <summary>Registry name of each entity key.</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    /// <summary>Every row the article touches, as it should be stored, ordered by name.</summary>
    public IReadOnlyList<EntityRow> Rows { get; private set; } = [];

    /// <summary>The article's mention count per registry name, ordered by name.</summary>
    public IReadOnlyList<(string Name, int Mentions)> Mentions { get; private set; } = [];

    /// <summary>Short-named rows this article shows to be a fuller person it names, in name order.</summary>
    public IReadOnlyList<EntityMerge> Merges { get; private set; } = [];

    /// <summary>Person name keys to record for the canonical person rows the article touches.</summary>
    public IReadOnlyList<(string Key, string Name)> PersonKeys { get; private set; } = [];

    /// <summary>Exact names to fetch: each entity's own, and (for adoption) the short forms of each person's.</summary>
    public static string[] NamesToFetch(IReadOnlyList<EntityInfo> entities) =>
        entities.Select(e => EntityNames.For(e.Kind, e.DisplayName))
            .Concat(entities.Where(e => e.Kind == EntityKind.Person)
                .SelectMany(e => PersonNameForms.ShortFormsOf(e.DisplayName)).Select(f => EntityNames.For(EntityKind.Person, f)))
            .Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Display names to look for among aliases.</summary>
    public static string[] AliasesToFetch(IReadOnlyList<EntityInfo> entities) =>
        entities.Select(e => e.DisplayName)
            .Concat(entities.Where(e => e.Kind == EntityKind.Person).SelectMany(e => PersonNameForms.ShortFormsOf(e.DisplayName)))
            .Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Person name keys to look up: each person's own lookup key and the keys its name is found by.</summary>
    public static string[] KeysToFetch(IReadOnlyList<EntityInfo> entities) =>
        entities.Where(e => e.Kind == EntityKind.Person)
            .SelectMany(e => PersonNameForms.KeysOf(e.DisplayName).Prepend(PersonNameForms.LookupKey(e.DisplayName)))
            .OfType<string>().Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// The rows whose articles the evidence looks into (every person a short name could join or be
    /// adopted by), and the names the article's entities already resolve to (its event). Empty when no
    /// short name needs evidence, so the store can skip the query.
    /// </summary>
    public static (string[] Candidates, string[] Context) EvidenceToFetch(IReadOnlyList<EntityInfo> entities, RegistryView view)
    {
        var plan = new RegistrationPlan(view, PersonEvidence.None);
        var candidates = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var e in entities.Where(e => e.Kind == EntityKind.Person))
        {
            if (plan.UniquePerson(e.DisplayName, plan.Canonical(EntityNames.For(e.Kind, e.DisplayName))) is { } fuller)
            {
                candidates.Add(fuller);
            }

            foreach (var form in PersonNameForms.ShortFormsOf(e.DisplayName))
            {
                var name = plan.Canonical(EntityNames.For(EntityKind.Person, form));
                if (plan._rows.ContainsKey(name))
                {
                    candidates.Add(name);
                }
            }
        }

        return candidates.Count == 0 ? ([], []) : ([.. candidates], plan.Context(entities));
    }

    public static RegistrationPlan Create(IReadOnlyList<EntityInfo> entities, RegistryView view, PersonEvidence? evidence = null)
    {
        var plan = new RegistrationPlan(view, evidence ?? PersonEvidence.None);
        plan.Build(entities);
        return plan;
    }

    private void Build(IReadOnlyList<EntityInfo> entities)
    {
        _evidence.Context = Context(entities);
        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        var mentions = new Dictionary<string, int>(StringComparer.Ordinal);

        // Fuller person names first (stable otherwise), so "Boehm" can join this article's "Ken Boehm".
        foreach (var e in entities.OrderByDescending(e => e.Kind == EntityKind.Person ? PersonNameForms.ShortFormsOf(e.DisplayName).Count : 0))
        {
            var name = Resolve(e);
            Touch(name, e.DisplayName, e.Kind, e.Aliases.Append(e.DisplayName), e.Roles.Select(r => r.Text));
            mentions[name] = mentions.GetValueOrDefault(name) + e.MentionCount;
            resolved[e.Key] = name;
        }

        var merges = Adopt();
        Names = entities.ToDictionary(e => e.Key, e => Canonical(resolved[e.Key]), StringComparer.Ordinal);
        var canonical = _touched.Where(n => !_merged.ContainsKey(n)).Order(StringComparer.Ordinal).ToList();
        Rows = canonical.Select(n => _rows[n]).ToList();
        Mentions = mentions.GroupBy(m => Canonical(m.Key)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Sum(m => m.Value))).ToList();
        Merges = merges;
        PersonKeys = Rows.Where(r => r.Kind == EntityKind.Person)
            .SelectMany(r => PersonNameForms.KeysOf(r.DisplayName).Select(k => (k, r.Name))).ToList();
    }

    private string Resolve(EntityInfo e)
    {
        var exact = Canonical(EntityNames.For(e.Kind, e.DisplayName));
        if (_rows.ContainsKey(exact))
        {
            return exact;
        }

        if (e.Kind != EntityKind.Person)
        {
            return _aliases.TryGetValue((e.Kind, e.DisplayName), out var listed) ? Canonical(listed.First) : exact;
        }

        if (UniquePerson(e.DisplayName, exact) is not { } fuller)
        {
            return exact;
        }

        // An alias that is no short form ("Xi" of "Xi Jinping") joins as before; a short form needs evidence.
        var row = _rows[fuller];
        return !PersonNameForms.Fits(e.DisplayName, row.DisplayName)
            || _touched.Contains(fuller)
            || _evidence.Agrees(fuller, e.Roles.Select(r => r.Text), row.Roles, exact)
            ? fuller
            : exact;
    }

    /// <summary>
    /// The one registered person a name fits or is an alias of; null when none or several do (two
    /// people sharing a surname). Listings give the first and last name per lookup: one person only
    /// when both are the same entity.
    /// </summary>
    private string? UniquePerson(string displayName, string self)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (PersonNameForms.LookupKey(displayName) is { } key && _keys.TryGetValue(key, out var byKey))
        {
            found.Add(Canonical(byKey.First));
            found.Add(Canonical(byKey.Last));
        }

        if (_aliases.TryGetValue((EntityKind.Person, displayName), out var byAlias))
        {
            found.Add(Canonical(byAlias.First));
            found.Add(Canonical(byAlias.Last));
        }

        found.Remove(self);
        return found.Count == 1 && _rows.ContainsKey(found.First()) ? found.First() : null;
    }

    /// <summary>
    /// The reverse order: a short-named row registered before the fuller person this article names is
    /// merged into it when that person is the only one it fits and the evidence agrees.
    /// </summary>
    private List<EntityMerge> Adopt()
    {
        var merges = new List<EntityMerge>();
        foreach (var fuller in _touched.Where(n => _rows[n].Kind == EntityKind.Person && !_merged.ContainsKey(n)).Order(StringComparer.Ordinal).ToList())
        {
            foreach (var form in PersonNameForms.ShortFormsOf(_rows[fuller].DisplayName))
            {
                var shortName = Canonical(EntityNames.For(EntityKind.Person, form));
                if (shortName == fuller || _touched.Contains(shortName) || !_rows.TryGetValue(shortName, out var shortRow)
                    || shortRow.Kind != EntityKind.Person || UniquePerson(shortRow.DisplayName, shortName) != fuller
                    || !_evidence.Agrees(shortName, shortRow.Roles, _rows[fuller].Roles, fuller))
                {
                    continue;
                }

                _merged[shortName] = fuller;
                var into = _rows[fuller];
                _rows[fuller] = into with { Aliases = Union(into.Aliases, shortRow.Aliases), Roles = Union(into.Roles, shortRow.Roles) };
                merges.Add(new EntityMerge(shortName, fuller, shortRow.Aliases, PersonNameForms.KeysOf(shortRow.DisplayName)));
            }
        }

        return merges;
    }

    /// <summary>The names the article's entities resolve to without coreference: the event it reports.</summary>
    private string[] Context(IReadOnlyList<EntityInfo> entities)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var e in entities)
        {
            var exact = Canonical(EntityNames.For(e.Kind, e.DisplayName));
            if (_rows.ContainsKey(exact))
            {
                names.Add(exact);
            }
            else if (_aliases.TryGetValue((e.Kind, e.DisplayName), out var listed) && (e.Kind != EntityKind.Person || listed.First == listed.Last))
            {
                names.Add(Canonical(listed.First));
            }
        }

        return [.. names];
    }

    private void Touch(string name, string displayName, EntityKind kind, IEnumerable<string> aliases, IEnumerable<string> roles)
    {
        _rows.TryGetValue(name, out var existing);
        var row = _rows[name] = new EntityRow(
            name, existing?.DisplayName ?? displayName, existing?.Kind ?? kind, Union(existing?.Aliases, aliases), Union(existing?.Roles, roles));
        _touched.Add(name);
        foreach (var alias in row.Aliases)
        {
            _aliases[(row.Kind, alias)] = _aliases.TryGetValue((row.Kind, alias), out var l) ? Widen(l, name) : (name, name);
        }

        if (row.Kind == EntityKind.Person)
        {
            foreach (var key in PersonNameForms.KeysOf(row.DisplayName))
            {
                _keys[key] = _keys.TryGetValue(key, out var l) ? Widen(l, name) : (name, name);
            }
        }
    }

    private string Canonical(string name)
    {
        for (var hops = 0; _merged.TryGetValue(name, out var into) && hops < 8; hops++)
        {
            name = into;
        }

        return name;
    }

    private static (string First, string Last) Widen((string First, string Last) l, string name) =>
        (string.CompareOrdinal(name, l.First) < 0 ? name : l.First, string.CompareOrdinal(name, l.Last) > 0 ? name : l.Last);

    private static List<string> Union(IEnumerable<string>? existing, IEnumerable<string> added) =>
        (existing ?? []).Concat(added).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToList();
}
