using Summaries.Language.Lexicons;

namespace Summaries.Language.Resolution;

/// <summary>Joins an all-caps organisation name to the full name it abbreviates: "EPA" → "Environmental Protection Agency".</summary>
internal static class AcronymMerger
{
    public static void Merge(string text, ClusterState state)
    {
        var organisations = state.Clusters.Where(c => c.Kind == EntityKind.Organization).ToList();
        foreach (var acronym in organisations)
        {
            var forms = acronym.Mentions.Select(m => Surface(text, state, m)).Distinct(StringComparer.Ordinal).ToList();
            if (forms.Count != 1 || !LexiconKeys.IsAllCaps(forms[0]) || forms[0].Contains(' ', StringComparison.Ordinal))
            {
                continue;
            }

            var letters = new string(forms[0].Where(char.IsLetter).ToArray());
            var full = organisations.FirstOrDefault(c => c != acronym && c.Mentions.Count > 0
                && c.Mentions.Any(m => string.Equals(Initials(Surface(text, state, m)), letters, StringComparison.Ordinal)));
            if (full is not null)
            {
                state.Merge(acronym, full);
            }
        }
    }

    private static string Surface(string text, ClusterState state, int mention) =>
        text[state.Candidates[mention].Start..state.Candidates[mention].End];

    private static string Initials(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length < 2 ? string.Empty : new string(words.Where(w => char.IsUpper(w[0])).Select(w => w[0]).ToArray());
    }
}
