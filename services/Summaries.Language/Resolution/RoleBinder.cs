using Summaries.Language.Lexicons;
using Summaries.Language.Recognition;
using Summaries.Language.Segmentation;

namespace Summaries.Language.Resolution;

/// <summary>A role bound to the person mention it describes; <paramref name="Qualifier"/> is the place or body key ("china").</summary>
internal sealed record RoleBinding(int Mention, RoleInfo Role, string Head, string? Qualifier);

/// <summary>A definite role phrase standing alone ("the Chinese President"), to be resolved to its holder.</summary>
internal sealed record RoleReference(int FirstToken, int LastToken, int Start, int End, string Head, string? Qualifier, int Sentence);

internal sealed record RoleAnalysis(IReadOnlyList<RoleBinding> Bindings, IReadOnlyList<RoleReference> References);

/// <summary>
/// Binds title phrases to people. A role is the title with what qualifies it: a place, nationality
/// or organisation (possessive or not) and modifiers ("China’s top diplomat", "US secretary of
/// state", "Microsoft co-founder"). It binds to the name right after it, or, as an appositive, to
/// the name before a comma ("Douglas Holtz-Eakin, an economist"). A definite role with no name
/// ("the Chinese President added") becomes a reference for the resolver.
/// </summary>
internal sealed class RoleBinder(Lexicon lexicon)
{
    private readonly TitleFinder titles = new(lexicon);

    public RoleAnalysis Bind(TokenizedText text, IReadOnlyList<MentionCandidate> mentions, MentionKeys keys, CancellationToken cancellationToken = default)
    {
        var byFirst = new Dictionary<int, int>();
        var byLast = new Dictionary<int, int>();
        var inside = new bool[text.Count];
        for (var m = 0; m < mentions.Count; m++)
        {
            var mention = mentions[m];
            if (mention.Source is MentionSource.Name or MentionSource.GovernmentBody)
            {
                byFirst.TryAdd(mention.FirstToken, m);
                byLast[mention.LastToken] = m;
                for (var i = mention.FirstToken; i <= mention.LastToken; i++)
                {
                    inside[i] = true;
                }
            }
        }

        var bindings = new List<RoleBinding>();
        var references = new List<RoleReference>();
        var seen = 0;
        foreach (var title in titles.Find(text))
        {
            if (++seen % 1_024 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (inside[title.First])
            {
                continue;
            }

            var sentenceStart = text.SentenceFirstToken[text[title.First].Sentence];
            var (roleStart, qualifier, possessive) = WalkLeft(text, mentions, keys, byLast, inside, title, sentenceStart);
            if (byFirst.TryGetValue(title.Last + 1, out var holder) && mentions[holder].Kind == EntityKind.Person)
            {
                bindings.Add(new RoleBinding(holder, Role(text, roleStart, title.Last), title.Head, qualifier));
                continue;
            }

            var before = roleStart - 1;
            var determiner = before >= sentenceStart && text.IsWord(before) && text.Keys[before] is "a" or "an" or "the";
            if (Appositive(text, mentions, byLast, determiner ? before - 1 : before, sentenceStart) is { } person)
            {
                bindings.Add(new RoleBinding(person, Role(text, roleStart, ComplementEnd(text, title.Last)), title.Head, qualifier));
                continue;
            }

            var definite = possessive || (determiner && text.Keys[before] == "the");
            var singular = text.Keys[title.Last] == title.Head.Split(' ')[^1];
            if (definite && singular && !text.Is(title.Last + 1, "of"))
            {
                references.Add(new RoleReference(
                    roleStart, title.Last, text[roleStart].Start, text[title.Last].End, title.Head, qualifier, text[title.First].Sentence));
            }
        }

        return new RoleAnalysis(bindings, references);
    }

    private (int RoleStart, string? Qualifier, bool Possessive) WalkLeft(
        TokenizedText text, IReadOnlyList<MentionCandidate> mentions, MentionKeys keys,
        Dictionary<int, int> byLast, bool[] inside, TitleMatch title, int sentenceStart)
    {
        var roleStart = title.First;
        string? qualifier = null;
        var possessive = false;
        var j = title.First - 1;
        while (j >= sentenceStart)
        {
            if (text.IsWord(j) && !inside[j] && lexicon.TitleModifiers.Contains(text.Keys[j]))
            {
                roleStart = j--;
                continue;
            }

            var isPossessive = text[j].Kind == TokenKind.Clitic && text.Keys[j] == "'s";
            var end = isPossessive ? j - 1 : j;
            if (qualifier is null && byLast.TryGetValue(end, out var m) && mentions[m].Kind != EntityKind.Person)
            {
                qualifier = keys.PlaceKey(mentions[m]);
                possessive |= isPossessive;
                roleStart = mentions[m].FirstToken;
                j = roleStart - 1;
                continue;
            }

            break;
        }

        return (roleStart, qualifier, possessive);
    }

    /// <summary>The person mention before ", a/the role" (skipping a bracketed aside such as "(D-N.C.)").</summary>
    private static int? Appositive(TokenizedText text, IReadOnlyList<MentionCandidate> mentions, Dictionary<int, int> byLast, int comma, int sentenceStart)
    {
        if (comma <= sentenceStart || !text.IsPunctuation(comma, ','))
        {
            return null;
        }

        var end = comma - 1;
        if (text.IsPunctuation(end, ')'))
        {
            while (end > sentenceStart && !text.IsPunctuation(end, '('))
            {
                end--;
            }

            end--;
        }

        return byLast.TryGetValue(end, out var m) && mentions[m].Kind == EntityKind.Person ? m : null;
    }

    /// <summary>Extends a role over its "of/at/for ..." complement up to the next clause break.</summary>
    private static int ComplementEnd(TokenizedText text, int last)
    {
        if (!(text.Is(last + 1, "of") || text.Is(last + 1, "at") || text.Is(last + 1, "for")))
        {
            return last;
        }

        var sentenceEnd = text.SentenceEndToken[text[last].Sentence];
        var end = last;
        for (var k = last + 1; k < sentenceEnd && k <= last + 10; k++)
        {
            if (text[k].Kind is TokenKind.Punctuation or TokenKind.Quote or TokenKind.Dash
                || text.Keys[k] is "who" or "which" or "and" or "said" or "says" or "that")
            {
                break;
            }

            end = k;
        }

        return end;
    }

    private static RoleInfo Role(TokenizedText text, int first, int last) =>
        new(text.Slice(first, last), text[first].Start, text[last].End);
}
