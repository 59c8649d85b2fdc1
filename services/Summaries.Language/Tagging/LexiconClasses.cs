using Summaries.Language.Lexicons;

namespace Summaries.Language.Tagging;

/// <summary>Word lists of the rule-based annotator a word belongs to, as feature bits.</summary>
[Flags]
internal enum LexiconClass : ushort
{
    None = 0,
    GivenName = 1 << 0,
    Honorific = 1 << 1,
    Title = 1 << 2,
    TitleModifier = 1 << 3,
    OrganizationCue = 1 << 4,
    LocationCue = 1 << 5,
    MiscCue = 1 << 6,
    OrganizationDescriptor = 1 << 7,
    OrganizationRole = 1 << 8,
    GovernmentHead = 1 << 9,
    FunctionWord = 1 << 10,
    CommonWord = 1 << 11,
    NonEntity = 1 << 12,
    SpeechCue = 1 << 13,
    Abbreviation = 1 << 14,
}

/// <summary>
/// Reads the rule-based annotator's word lists (Annotation/Resources) at training time and bakes
/// them into the model: single words as <see cref="LexiconClass"/> bits in the word table, and the
/// country, city, region, organisation and demonym lists as a second gazetteer. These carry
/// knowledge the 1996 training text lacks ("Antony" is a given name, "Kyiv" a city); the model
/// learns how far to trust each list. Baked in, later edits to the lists cannot drift the model.
/// </summary>
internal static class LexiconClasses
{
    public static Dictionary<ulong, LexiconClass> Words()
    {
        var classes = new Dictionary<ulong, LexiconClass>();
        Add(classes, "given-names.txt", LexiconClass.GivenName);
        Add(classes, "honorifics.txt", LexiconClass.Honorific, withPeriod: true);
        Add(classes, "abbreviations.txt", LexiconClass.Abbreviation, line => line.TrimStart('~'), withPeriod: true);
        Add(classes, "titles.txt", LexiconClass.Title, withPeriod: true);
        Add(classes, "title-modifiers.txt", LexiconClass.TitleModifier);
        Add(classes, "org-cues.txt", LexiconClass.OrganizationCue);
        Add(classes, "location-cues.txt", LexiconClass.LocationCue);
        Add(classes, "misc-cues.txt", LexiconClass.MiscCue);
        Add(classes, "org-descriptors.txt", LexiconClass.OrganizationDescriptor);
        Add(classes, "org-roles.txt", LexiconClass.OrganizationRole);
        Add(classes, "government-heads.txt", LexiconClass.GovernmentHead);
        Add(classes, "function-words.txt", LexiconClass.FunctionWord);
        Add(classes, "common-words.txt", LexiconClass.CommonWord);
        Add(classes, "non-entities.txt", LexiconClass.NonEntity);
        Add(classes, "speech-cues.txt", LexiconClass.SpeechCue, line => line.TrimStart('^'));
        return classes;
    }

    /// <summary>The name lists as a gazetteer: countries, cities, regions and their aliases (LOC), organisations (ORG), demonyms (MISC).</summary>
    public static Gazetteer Names()
    {
        var names = new List<(string Name, int Type)>();
        foreach (var (file, type) in (ReadOnlySpan<(string, int)>)[("countries.txt", 2), ("cities.txt", 2), ("regions.txt", 2), ("organizations.txt", 1)])
        {
            names.AddRange(ResourceLoader.ReadLines(file).Select(name => (name, type)));
        }

        var typeOf = names.GroupBy(n => LexiconKeys.Normalize(n.Name), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Type, StringComparer.Ordinal);
        foreach (var line in ResourceLoader.ReadLines("aliases.txt"))
        {
            var aliases = line.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (aliases.Length > 0 && typeOf.TryGetValue(LexiconKeys.Normalize(aliases[0]), out var type))
            {
                names.AddRange(aliases.Select(a => (a, type)));
            }
        }

        foreach (var line in ResourceLoader.ReadLines("demonyms.txt"))
        {
            var forms = line.Split('|')[0].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            names.AddRange(forms.Select(f => (f, 3)));
        }

        var entries = new Dictionary<ulong, byte>();
        var prefixes = new HashSet<ulong>();
        foreach (var (name, type) in names)
        {
            var tokens = LexiconKeys.SplitPhrase(name);
            if (tokens.Count == 0 || tokens.Count > Gazetteer.MaxLength)
            {
                continue;
            }

            var atoms = tokens.Select(t => new TokenAtoms { Word = AtomBuilder.WordHash(t) }).ToArray();
            var phrase = Gazetteer.Phrase(atoms);
            entries[phrase] = (byte)(entries.GetValueOrDefault(phrase) | (1 << type));
            for (var length = 1; length < atoms.Length; length++)
            {
                prefixes.Add(Gazetteer.Phrase(atoms.AsSpan(0, length)));
            }
        }

        return new Gazetteer(entries, prefixes);
    }

    private static void Add(
        Dictionary<ulong, LexiconClass> classes, string file, LexiconClass lexiconClass, Func<string, string>? clean = null, bool withPeriod = false)
    {
        foreach (var line in ResourceLoader.ReadLines(file))
        {
            // Multi-word entries ("secretary of state") contribute each word; abbreviations also match with their period.
            foreach (var word in (clean?.Invoke(line) ?? line).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                foreach (var form in withPeriod ? (ReadOnlySpan<string>)[word, word + "."] : [word])
                {
                    var hash = AtomBuilder.WordHash(form);
                    classes[hash] = classes.GetValueOrDefault(hash) | lexiconClass;
                }
            }
        }
    }
}
