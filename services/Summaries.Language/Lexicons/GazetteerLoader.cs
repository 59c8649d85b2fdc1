using System.Collections.Frozen;

namespace Summaries.Language.Lexicons;

/// <summary>Builds the name gazetteer from the country, city, region, organisation and demonym lists.</summary>
internal static class GazetteerLoader
{
    public static PhraseMatcher<GazetteerEntry> Load()
    {
        var aliases = LoadAliases();
        var phrases = new List<(IReadOnlyList<string>, GazetteerEntry)>();
        void AddNames(string file, EntityKind kind)
        {
            foreach (var name in ResourceLoader.ReadLines(file))
            {
                var key = LexiconKeys.Normalize(name);
                var group = aliases.GetValueOrDefault(key, key);
                var forms = LexiconKeys.SplitPhrase(name);
                phrases.Add((forms.Select(LexiconKeys.Normalize).ToArray(), new GazetteerEntry(kind, forms, group, null)));
            }
        }

        AddNames("countries.txt", EntityKind.Location);
        AddNames("cities.txt", EntityKind.Location);
        AddNames("regions.txt", EntityKind.Location);
        AddNames("organizations.txt", EntityKind.Organization);

        foreach (var line in ResourceLoader.ReadLines("demonyms.txt"))
        {
            var parts = line.Split('|');
            var forms = parts[0].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var place = parts.Length > 1 && parts[1].Trim().Length > 0 ? LexiconKeys.Normalize(parts[1].Trim()) : null;
            place = place is null ? null : aliases.GetValueOrDefault(place, place);
            var group = "misc:" + LexiconKeys.Normalize(forms[0]);
            foreach (var form in forms)
            {
                var tokens = LexiconKeys.SplitPhrase(form);
                phrases.Add((tokens.Select(LexiconKeys.Normalize).ToArray(), new GazetteerEntry(EntityKind.Misc, tokens, group, place)));
            }
        }

        return PhraseMatcher<GazetteerEntry>.Build(phrases);
    }

    public static FrozenDictionary<string, string> LoadAliases()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in ResourceLoader.ReadLines("aliases.txt"))
        {
            var names = line.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var canonical = LexiconKeys.Normalize(names[0]);
            foreach (var name in names)
            {
                map.TryAdd(LexiconKeys.Normalize(name), canonical);
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
