namespace Summaries.Summary.Support;

/// <summary>Who did it to whom.</summary>
public sealed partial class SupportChecker
{
    /// <summary>Content words at most between two participants and their predicate, for the role check.</summary>
    private const int RoleWindow = 8;

    /// <summary>Participants of one claim compared pairwise at most (the work grows with their square).</summary>
    private const int MaxParticipants = 12;

    /// <summary>
    /// Who did it to whom: two participants on either side of a one-way predicate must stand on the
    /// same sides in the source, unless one of the two sentences is passive ("by") and the other not.
    /// </summary>
    private SupportVerdict? Roles(List<SupportToken> claim, List<SupportToken> content, IReadOnlyList<SupportSource> sources, NameForms names, IReadOnlySet<string> nameKeys, IReadOnlyList<int> indexes)
    {
        if (!model.Enabled("roles"))
        {
            return null;
        }

        // Bounded: a sentence names a handful of parties; a list of hundreds is no claim about roles.
        var participants = Participants(claim, content, names).Take(MaxParticipants).ToList();
        for (var a = 0; a < participants.Count; a++)
        {
            for (var b = a + 1; b < participants.Count; b++)
            {
                var (p, pAt) = participants[a];
                var (q, qAt) = participants[b];
                if (p.Overlaps(q))
                {
                    continue;
                }

                if (ContentBetween(claim, pAt, qAt) > RoleWindow)
                {
                    continue;
                }

                var predicates = content.Where(t => t.Start > claim[pAt].Start && t.Start < claim[qAt].Start
                        && !IsName(t, names, nameKeys) && !t.IsNumber && !lexicon.Symmetric.Contains(t.Key) && !lexicon.Reporting.Contains(t.Key))
                    .Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
                if (predicates.Count == 0)
                {
                    continue;
                }

                var claimPassive = Passive(claim, pAt, qAt);
                foreach (var source in sources)
                {
                    var reversed = Around(source.Tokens, q, p, predicates);
                    if (reversed >= 0 && Around(source.Tokens, p, q, predicates) < 0 && Passive(source.Tokens, reversed, reversed + RoleWindow) == claimPassive)
                    {
                        return SupportVerdict.Fail(
                            SupportFailureKind.Participants,
                            $"{claim[pAt].Surface} … {claim[qAt].Surface}",
                            $"swaps who did what: the source has {claim[qAt].Surface} before {claim[pAt].Surface}",
                            indexes);
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Where <paramref name="first"/> stands within a few words before <paramref name="second"/> with one of the predicates between them, or -1.</summary>
    private int Around(IReadOnlyList<SupportToken> tokens, HashSet<string> first, HashSet<string> second, HashSet<string> predicates)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!first.Contains(tokens[i].Key))
            {
                continue;
            }

            var predicate = false;
            var words = 0;
            for (var j = i + 1; j < tokens.Count && words <= RoleWindow; j++)
            {
                words += lexicon.Function.Contains(tokens[j].Lower) ? 0 : 1;
                if (second.Contains(tokens[j].Key) && predicate)
                {
                    return i;
                }

                predicate |= predicates.Contains(tokens[j].Key);
            }
        }

        return -1;
    }

    /// <summary>The named participants of a claim in order: each entity's key set and its first token's index in the claim.</summary>
    private static List<(HashSet<string> Keys, int At)> Participants(List<SupportToken> claim, List<SupportToken> content, NameForms names)
    {
        var result = new List<(HashSet<string> Keys, int At)>();
        // In cased text a participant is written as a name; lower-cased text (as some summarisers
        // write) has only the annotations to tell.
        var cased = claim.Any(t => t.Capitalised);
        foreach (var t in content)
        {
            if (t.Quoted || (cased && !char.IsUpper(t.Surface[0])))
            {
                continue;
            }

            // Only entities the annotations found: a capitalised word may be a title's or a heading's.
            if (names.EntityOf(t.Key) < 0)
            {
                continue;
            }

            var keys = names.NamesOf(t.Key);
            if (result.Any(r => r.Keys.Overlaps(keys)))
            {
                continue;
            }

            result.Add((keys, claim.IndexOf(t)));
        }

        return result;
    }

    private int ContentBetween(IReadOnlyList<SupportToken> tokens, int from, int to) =>
        tokens.Skip(from + 1).Take(Math.Max(0, to - from - 1)).Count(t => !lexicon.Function.Contains(t.Lower));

    /// <summary>A passive between two participants: a form of "be", then "by" ("was convicted by").</summary>
    private static bool Passive(IReadOnlyList<SupportToken> tokens, int from, int to)
    {
        var be = false;
        for (var i = Math.Max(from, 0) + 1; i < Math.Min(to, tokens.Count); i++)
        {
            be |= tokens[i].Lower is "was" or "were" or "been" or "being" or "is" or "are" or "be" or "got";
            if (be && tokens[i].Lower == "by")
            {
                return true;
            }
        }

        return false;
    }
}
