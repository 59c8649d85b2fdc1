using System.Collections.Frozen;

namespace Summaries.Language.Lexicons;

/// <summary>
/// All word lists the rules use, loaded once from the embedded resources and immutable afterwards,
/// so one instance is shared by every annotator and thread.
/// </summary>
internal sealed class Lexicon
{
    private static readonly Lazy<Lexicon> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private Lexicon()
    {
    }

    public static Lexicon Default => Shared.Value;

    /// <summary>Courtesy titles (normalised): "mr", "mrs", "dr".</summary>
    public FrozenSet<string> Honorifics { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>Abbreviations whose period never ends a sentence, honorifics included.</summary>
    public FrozenSet<string> NonFinalAbbreviations { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>Abbreviations whose period ends a sentence only before a usual sentence opener.</summary>
    public FrozenSet<string> MaybeFinalAbbreviations { get; private init; } = FrozenSet<string>.Empty;

    public PhraseMatcher<TitleEntry> Titles { get; private init; } = PhraseMatcher<TitleEntry>.Build([]);

    public FrozenSet<string> TitleModifiers { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>General role word → the specific title heads it may stand for.</summary>
    public FrozenDictionary<string, FrozenSet<string>> RoleHypernyms { get; private init; } =
        FrozenDictionary<string, FrozenSet<string>>.Empty;

    public FrozenSet<string> OrgCues { get; private init; } = FrozenSet<string>.Empty;

    public FrozenSet<string> LocationCues { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>Head words of event and document names ("War", "Agreement").</summary>
    public FrozenSet<string> MiscCues { get; private init; } = FrozenSet<string>.Empty;

    public FrozenSet<string> OrgDescriptors { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>Title heads of in-house roles ("co-founder", "ceo"): a name before them is an organisation.</summary>
    public FrozenSet<string> OrgRoles { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>Lowercase nouns naming government bodies ("ministry", "department").</summary>
    public FrozenSet<string> GovernmentHeads { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>Countries, cities, regions, organisations and demonyms.</summary>
    public PhraseMatcher<GazetteerEntry> Gazetteer { get; private init; } = PhraseMatcher<GazetteerEntry>.Build([]);

    /// <summary>Normalised alias → normalised canonical name.</summary>
    public FrozenDictionary<string, string> Aliases { get; private init; } = FrozenDictionary<string, string>.Empty;

    /// <summary>Exact spellings of capitalised non-names: days, months, "CEO".</summary>
    public FrozenSet<string> NonEntities { get; private init; } = FrozenSet<string>.Empty;

    public FrozenSet<string> FunctionWords { get; private init; } = FrozenSet<string>.Empty;

    public FrozenSet<string> CommonWords { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>Given names, normalised.</summary>
    public FrozenSet<string> GivenNames { get; private init; } = FrozenSet<string>.Empty;

    public PhraseMatcher<CueEntry> SpeechCues { get; private init; } = PhraseMatcher<CueEntry>.Build([]);

    /// <summary>Whether a normalised word is ordinary vocabulary rather than a name.</summary>
    public bool IsOrdinaryWord(string key) =>
        FunctionWords.Contains(key) || CommonWords.Contains(key) || HasCommonInflection(key);

    /// <summary>"Thank" is ordinary if the list has "thanks" or "thanked": a cheap stand-in for lemmatising.</summary>
    private bool HasCommonInflection(string key) =>
        key.Length > 3 && key.All(char.IsLetter)
        && (CommonWords.Contains(key + "s") || CommonWords.Contains(key + "ed") || CommonWords.Contains(key + "ing")
            || (key.EndsWith('e') && CommonWords.Contains(key + "d")));

    private static Lexicon Load()
    {
        var honorifics = Keys("honorifics.txt");
        var abbreviations = ResourceLoader.ReadLines("abbreviations.txt");
        return new Lexicon
        {
            Honorifics = honorifics,
            NonFinalAbbreviations = honorifics
                .Concat(abbreviations.Where(a => !a.StartsWith('~')).Select(LexiconKeys.Normalize))
                .ToFrozenSet(StringComparer.Ordinal),
            MaybeFinalAbbreviations = abbreviations.Where(a => a.StartsWith('~'))
                .Select(a => LexiconKeys.Normalize(a[1..])).ToFrozenSet(StringComparer.Ordinal),
            Titles = LoadTitles(),
            TitleModifiers = Keys("title-modifiers.txt"),
            RoleHypernyms = LoadHypernyms(),
            OrgCues = Keys("org-cues.txt"),
            LocationCues = Keys("location-cues.txt"),
            MiscCues = Keys("misc-cues.txt"),
            OrgDescriptors = Keys("org-descriptors.txt"),
            OrgRoles = Keys("org-roles.txt"),
            GovernmentHeads = Keys("government-heads.txt"),
            Gazetteer = GazetteerLoader.Load(),
            Aliases = GazetteerLoader.LoadAliases(),
            NonEntities = ResourceLoader.ReadLines("non-entities.txt").ToFrozenSet(StringComparer.Ordinal),
            FunctionWords = Keys("function-words.txt"),
            CommonWords = Keys("common-words.txt"),
            GivenNames = Keys("given-names.txt"),
            SpeechCues = LoadCues(),
        };
    }

    private static FrozenSet<string> Keys(string file) =>
        ResourceLoader.ReadLines(file).Select(LexiconKeys.Normalize).ToFrozenSet(StringComparer.Ordinal);

    private static PhraseMatcher<TitleEntry> LoadTitles()
    {
        var phrases = new List<(IReadOnlyList<string>, TitleEntry)>();
        foreach (var line in ResourceLoader.ReadLines("titles.txt"))
        {
            var keys = LexiconKeys.SplitPhrase(LexiconKeys.Normalize(line));
            var entry = new TitleEntry(string.Join(' ', keys));
            phrases.Add((keys, entry));

            // Plurals bind like singulars: "Senators Charles Grassley and Patrick Leahy".
            var plural = keys.ToArray();
            var last = plural[^1];
            plural[^1] = last.EndsWith('y') && last.Length > 2 && !"aeiou".Contains(last[^2], StringComparison.Ordinal)
                ? last[..^1] + "ies"
                : last.EndsWith('s') || last.EndsWith("man", StringComparison.Ordinal) ? last : last + "s";
            if (plural[^1] != last)
            {
                phrases.Add((plural, entry));
            }
        }

        return PhraseMatcher<TitleEntry>.Build(phrases);
    }

    private static FrozenDictionary<string, FrozenSet<string>> LoadHypernyms() =>
        ResourceLoader.ReadLines("role-hypernyms.txt")
            .Select(line => line.Split(':', 2))
            .ToFrozenDictionary(
                parts => LexiconKeys.Normalize(parts[0].Trim()),
                parts => parts[1].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(LexiconKeys.Normalize).ToFrozenSet(StringComparer.Ordinal),
                StringComparer.Ordinal);

    private static PhraseMatcher<CueEntry> LoadCues() =>
        PhraseMatcher<CueEntry>.Build(ResourceLoader.ReadLines("speech-cues.txt").Select(line =>
        {
            var follows = line.StartsWith('^');
            var clauseFinal = line.EndsWith('$');
            var phrase = line[(follows ? 1 : 0)..(clauseFinal ? line.Length - 1 : line.Length)];
            return (LexiconKeys.SplitPhrase(LexiconKeys.Normalize(phrase)), new CueEntry(phrase, follows, clauseFinal));
        }));
}
