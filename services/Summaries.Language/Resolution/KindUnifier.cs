using Summaries.Language.Recognition;

namespace Summaries.Language.Resolution;

/// <summary>
/// Gives every mention of the same name the kind its strongest mention earned: "Tulsa" guessed as
/// misc in one sentence is a location if another sentence says "in Tulsa".
/// </summary>
internal static class KindUnifier
{
    public static IReadOnlyList<MentionCandidate> Unify(IReadOnlyList<MentionCandidate> candidates, MentionKeys keys)
    {
        var result = candidates.ToArray();
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < result.Length; i++)
        {
            if (result[i].Source is MentionSource.Name or MentionSource.CompoundPart)
            {
                var key = keys.NameKey(result[i]);
                if (!groups.TryGetValue(key, out var list))
                {
                    groups[key] = list = [];
                }

                list.Add(i);
            }
        }

        foreach (var members in groups.Values)
        {
            var best = members.Max(i => result[i].Evidence);
            var kind = members.Where(i => result[i].Evidence == best)
                .GroupBy(i => result[i].Kind)
                .OrderByDescending(g => g.Count())
                .ThenBy(g => g.Min())
                .First().Key;
            foreach (var i in members)
            {
                if (result[i].Evidence < best)
                {
                    result[i] = result[i] with { Kind = kind, KindOpen = best == Evidence.Weak && result[i].KindOpen };
                }
            }
        }

        return result;
    }
}
