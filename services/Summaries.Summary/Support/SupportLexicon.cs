using System.Globalization;

namespace Summaries.Summary.Support;

/// <summary>
/// The support checker's closed word classes (Resources/support-lexicon.txt): function words,
/// negators, opposite predicates, symmetric predicates, stance words, reporting verbs, time words,
/// number words and irregular lemmas. Every entry is stored as its lemma.
/// </summary>
public sealed class SupportLexicon
{
    private readonly Dictionary<string, string> _lemmas;
    private readonly Dictionary<string, string> _numbers;
    private readonly Dictionary<string, HashSet<string>> _antonyms = new(StringComparer.Ordinal);

    private SupportLexicon(Dictionary<string, List<string>> sections)
    {
        _lemmas = Pairs(sections, "lemmas");
        _numbers = Pairs(sections, "numbers");
        Function = Set(sections, "function", lemmatise: false);
        Negators = Set(sections, "negation", lemmatise: false);
        Symmetric = Set(sections, "symmetric", lemmatise: true);
        Stance = Set(sections, "stance", lemmatise: true);
        Reporting = Set(sections, "reporting", lemmatise: true);
        Time = Set(sections, "time", lemmatise: false);
        foreach (var line in sections.GetValueOrDefault("antonyms") ?? [])
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length == 2)
            {
                AddAntonym(Lemma(parts[0]), Lemma(parts[1]));
                AddAntonym(Lemma(parts[1]), Lemma(parts[0]));
            }
        }
    }

    public IReadOnlySet<string> Function { get; }

    public IReadOnlySet<string> Negators { get; }

    public IReadOnlySet<string> Symmetric { get; }

    public IReadOnlySet<string> Stance { get; }

    public IReadOnlySet<string> Reporting { get; }

    public IReadOnlySet<string> Time { get; }

    /// <summary>A word that carries a claim: neither a function word nor a negator.</summary>
    public bool IsContent(SupportToken token) => !Function.Contains(token.Lower) && !Negators.Contains(token.Lower);

    /// <summary>The comparison keys of the words of <paramref name="texts"/> that are not function words.</summary>
    public IEnumerable<string> KeysOf(IEnumerable<string> texts) =>
        texts.SelectMany(t => SupportText.Tokens(t, this)).Where(t => !Function.Contains(t.Lower)).Select(t => t.Key);

    /// <summary>Loads the lexicon embedded in this assembly.</summary>
    public static SupportLexicon LoadDefault()
    {
        using var stream = typeof(SupportLexicon).Assembly
            .GetManifestResourceStream("Summaries.Summary.Resources.support-lexicon.txt")
            ?? throw new InvalidOperationException("support-lexicon.txt is not embedded in the summary service.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    public static SupportLexicon Parse(string text)
    {
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                current = [];
                sections[line[1..^1]] = current;
                continue;
            }

            current?.Add(line);
        }

        return new SupportLexicon(sections);
    }

    /// <summary>The opposites of a lemma (empty when it has none).</summary>
    public IReadOnlySet<string> AntonymsOf(string lemma) =>
        _antonyms.TryGetValue(lemma, out var set) ? set : (IReadOnlySet<string>)EmptySet;

    /// <summary>A number word as its digits ("three" → "3"), or null.</summary>
    public string? NumberOf(string lower) => _numbers.GetValueOrDefault(lower);

    /// <summary>
    /// The key under which a lower-case word is compared: irregular forms as their lemma from the
    /// list, then regular endings taken off (plural and third person -s, past -ed, -ing, adverb
    /// -ly) and a final silent e or doubled consonant, so "hoped", "hopes", "hoping" and "hope"
    /// share one key. Keys are for comparing, not for showing.
    /// </summary>
    public string Lemma(string lower)
    {
        if (_lemmas.TryGetValue(lower, out var lemma))
        {
            lower = lemma;
        }

        if (lower.Length <= 3 || !char.IsLetter(lower[0]))
        {
            return lower;
        }

        var stem = lower;
        if ((stem.EndsWith("ies", StringComparison.Ordinal) || stem.EndsWith("ied", StringComparison.Ordinal)) && stem.Length > 4)
        {
            stem = stem[..^3] + "y";
        }
        else
        {
            foreach (var suffix in Suffixes)
            {
                if (stem.EndsWith(suffix, StringComparison.Ordinal) && stem.Length - suffix.Length >= 3)
                {
                    stem = stem[..^suffix.Length];
                    break;
                }
            }
        }

        if (stem.Length > 3 && stem[^1] == 'e')
        {
            stem = stem[..^1];
        }

        if (stem.Length > 3 && stem[^1] == stem[^2] && !IsVowel(stem[^1]) && stem[^1] is not ('l' or 's'))
        {
            stem = stem[..^1];
        }

        return stem;
    }

    private static readonly string[] Suffixes = ["ing", "ed", "es", "s", "ly"];

    private static readonly HashSet<string> EmptySet = [];

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private void AddAntonym(string a, string b)
    {
        if (!_antonyms.TryGetValue(a, out var set))
        {
            _antonyms[a] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        set.Add(b);
    }

    private HashSet<string> Set(Dictionary<string, List<string>> sections, string name, bool lemmatise) =>
        (sections.GetValueOrDefault(name) ?? [])
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(w => lemmatise ? Lemma(w.ToLower(CultureInfo.InvariantCulture)) : w.ToLower(CultureInfo.InvariantCulture))
            .ToHashSet(StringComparer.Ordinal);

    private static Dictionary<string, string> Pairs(Dictionary<string, List<string>> sections, string name) =>
        (sections.GetValueOrDefault(name) ?? [])
            .Select(l => l.Split('=', StringSplitOptions.TrimEntries))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
}
