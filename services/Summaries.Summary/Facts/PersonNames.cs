
namespace Summaries.Summary.Facts;

/// <summary>
/// One person, one entity across articles: a person one report names shortly ("Boehm", "van
/// Rensburg", "Ole Mjoes") is the person another names in full ("Ken Boehm", "Wessel van
/// Rensburg", "Ole Danbolt Mjoes") when exactly one full name in the sources fits. Two people who
/// share a surname ("George Bush", "Jeb Bush") leave a bare "Bush" as it is. A name led by an
/// honorific is a person's even where recognition typed it otherwise ("Mr Reid" as an organisation).
/// </summary>
public static class PersonNames
{
    /// <summary>
    /// Each person key to merge, with the key of the fuller name it joins. Thousands of people take a
    /// while, so it stops when <paramref name="cancellationToken"/> fires.
    /// </summary>
    public static Dictionary<string, string> Merges(
        IReadOnlyCollection<(string Key, string DisplayName, EntityKind Type)> entities, CancellationToken cancellationToken = default)
    {
        var people = entities.Where(e => e.Type == EntityKind.Person || Honorific(e.DisplayName))
            .Select(e => (e.Key, Words: Words(e.DisplayName)))
            .Where(e => e.Words.Length > 0)
            .DistinctBy(e => e.Key)
            .ToList();
        // A fuller name that fits ends with the short name's last word, and, when the short name has
        // more than one word and is not a surname with particles, starts with its first: only those
        // are compared, so the work grows with the names, not with their pairs (a text naming
        // thousands of people used to cost seconds here).
        var byLast = people.ToLookup(p => p.Words[^1], StringComparer.Ordinal);
        var byFirstAndLast = people.ToLookup(p => (p.Words[0], p.Words[^1]));
        var merges = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, words) in people)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var candidates = IsSurname(words) ? byLast[words[^1]] : byFirstAndLast[(words[0], words[^1])];
            var fuller = candidates.Where(o => o.Key != key && o.Words.Length > words.Length && Fits(words, o.Words))
                .Select(o => o.Key).Distinct(StringComparer.Ordinal).Take(2).ToList();
            if (fuller.Count == 1)
            {
                merges[key] = fuller[0];
            }
        }

        // A chain ("Mjoes" → "Ole Mjoes" → "Ole Danbolt Mjoes") ends at the fullest name.
        foreach (var key in merges.Keys.ToList())
        {
            var target = merges[key];
            for (var hops = 0; merges.TryGetValue(target, out var next) && hops < merges.Count; hops++)
            {
                target = next;
            }

            merges[key] = target;
        }

        return merges;
    }

    /// <summary>
    /// The short name is the full name's surname ("Boehm"; "van Rensburg", a surname with its
    /// particle), or its first and last words ("Ole Mjoes"). A first-and-last name is never taken
    /// as the ending of a longer one: "Wangari Maathai" inside "Geoffrey Dabelko Wangari Maathai" is
    /// two people run together, not a fuller name.
    /// </summary>
    private static bool Fits(string[] shorter, string[] full) =>
        (IsSurname(shorter) && full.AsSpan(full.Length - shorter.Length).SequenceEqual(shorter))
        || (shorter.Length >= 2 && shorter[0] == full[0] && shorter[^1] == full[^1]);

    /// <summary>One word, or a surname led by lower-case particles ("van Rensburg").</summary>
    private static bool IsSurname(string[] words) =>
        words.Length == 1 || words[..^1].All(w => char.IsLower(w[0]));

    /// <summary>A name led by an honorific ("Mr Reid") is a person's, whatever type recognition gave it.</summary>
    public static bool Honorific(string name) =>
        IsHonorific(name.Split(' ', 2)[0].TrimEnd('.'));

    private static bool IsHonorific(string word) => word is "Mr" or "Mrs" or "Ms" or "Dr" or "Sir" or "Dame" or "Prof" or "Professor";

    private static string[] Words(string name) =>
        name.Split([' ', '\u00a0'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 1 || char.IsLetter(w[0]))
            .Select(w => w.TrimEnd('.', ','))
            .Where(w => !IsHonorific(w))
            .ToArray();
}
