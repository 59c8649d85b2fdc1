namespace Summaries.Entity.Registry;

/// <summary>
/// The shorter forms a person's name takes in other reports, as the summary service's PersonNames
/// fits them within one briefing: the surname ("Boehm"; "van Rensburg", with its lowercase particle)
/// or the first and last words ("Ole Mjoes" for "Ole Danbolt Mjoes"). Forms are keyed by slug, so the
/// registry finds every fuller person a short name fits by an indexed lookup of its key.
/// </summary>
internal static class PersonNameForms
{
    private static readonly HashSet<string> Honorifics = new(StringComparer.Ordinal) { "Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Prof", "Professor" };

    private static readonly HashSet<string> RoleBreaks = new(StringComparer.Ordinal) { "of", "for", "at", "to", "in", "on", "with", "from" };

    /// <summary>The keys under which a registered person is found by the short forms of its name.</summary>
    public static IReadOnlyList<string> KeysOf(string displayName)
    {
        var words = Words(displayName);
        var keys = new List<string>();
        for (var length = 1; length < words.Length; length++)
        {
            var suffix = words[^length..];
            if (IsSurname(suffix))
            {
                keys.Add(SurnameKey(suffix));
            }
        }

        if (words.Length >= 3)
        {
            keys.Add(FirstLastKey(words));
        }

        return keys;
    }

    /// <summary>The short forms of a fuller name, as display names (to find rows registered under them).</summary>
    public static IReadOnlyList<string> ShortFormsOf(string displayName)
    {
        var words = Words(displayName);
        var forms = new List<string>();
        for (var length = 1; length < words.Length; length++)
        {
            if (IsSurname(words[^length..]))
            {
                forms.Add(string.Join(' ', words[^length..]));
            }
        }

        if (words.Length >= 3)
        {
            forms.Add(words[0] + " " + words[^1]);
        }

        return forms;
    }

    /// <summary>The key a short name is looked up by; null when the name has no words.</summary>
    public static string? LookupKey(string displayName)
    {
        var words = Words(displayName);
        return words.Length == 0 ? null : IsSurname(words) ? SurnameKey(words) : FirstLastKey(words);
    }

    /// <summary>Whether <paramref name="shorter"/> is a short form of <paramref name="full"/> (never the same length).</summary>
    public static bool Fits(string shorter, string full)
    {
        var s = Words(shorter);
        var f = Words(full);
        if (s.Length == 0 || f.Length <= s.Length)
        {
            return false;
        }

        return (IsSurname(s) && f.AsSpan(f.Length - s.Length).SequenceEqual(s))
            || (s.Length >= 2 && s[0] == f[0] && s[^1] == f[^1]);
    }

    /// <summary>
    /// Role heads, lowercased: the last word before the role's first preposition ("chairman" of
    /// "chairman of the Norwegian Nobel Committee", "attorney" of "U.S. Attorney").
    /// </summary>
    public static IEnumerable<string> RoleHeads(IEnumerable<string> roles)
    {
        foreach (var role in roles)
        {
            var words = role.Split([' ', '\u00a0'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.', ',', '\'', '’')).ToList();
            var end = words.FindIndex(w => RoleBreaks.Contains(w));
            var head = (end < 0 ? words : words.Take(end)).LastOrDefault(w => w.Length > 1);
            if (head is not null)
            {
                yield return head.ToLowerInvariant();
            }
        }
    }

    private static bool IsSurname(string[] words) => words.Length == 1 || words[..^1].All(w => char.IsLower(w[0]));

    private static string SurnameKey(string[] words) => "s:" + EntityNames.Slug(string.Join(' ', words));

    private static string FirstLastKey(string[] words) => "f:" + EntityNames.Slug(words[0] + " " + words[^1]);

    private static string[] Words(string name) =>
        name.Split([' ', '\u00a0'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 1 || char.IsLetter(w[0]))
            .Select(w => w.TrimEnd('.', ','))
            .Where(w => w.Length > 0 && !Honorifics.Contains(w))
            .ToArray();
}
