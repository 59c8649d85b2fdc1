using System.Collections.Frozen;
using Summaries.Language.Lexicons;
using Summaries.Language.Segmentation;

namespace Summaries.Language.Recognition;

/// <summary>
/// Decides what kind of name a run is, strongest evidence first: its own head word ("Ministry",
/// "Sea"), an honorific or title before it, a gazetteer entry, an organisation noun before it
/// ("broadcaster"), then weaker context ("in X", a given name, "X co-founder"), then a default.
/// </summary>
internal sealed class NameRunTyper(Lexicon lexicon, CompoundNameSplitter compounds)
{
    private static readonly FrozenSet<string> LocativePrepositions = FrozenSet.Create(
        StringComparer.Ordinal,
        "in", "at", "near", "across", "throughout", "outside", "inside", "into", "toward", "towards");

    public IEnumerable<MentionCandidate> Type(RecognitionContext context, NameRun run)
    {
        var text = context.Text;
        if (OnlyChunks(context, run))
        {
            // "Democratic Senate", "Chinese Communist" read as two known names, not one.
            for (var i = run.First; i <= run.Last; i = context.ChunkEnd[i])
            {
                yield return FromChunk(text, i, context.ChunkEnd[i] - 1, context.Chunk[i]!);
            }

            yield break;
        }

        var cue = HeadCue(text, run);
        if (cue is { } cueKind && (run.Length > 1 || !PersonContext(context, run.First)))
        {
            yield return MentionCandidate.FromTokens(text, run.First, run.Last, cueKind, run.Length > 1 ? Evidence.Strong : Evidence.Medium);
            yield break;
        }

        if (PersonContext(context, run.First))
        {
            yield return MentionCandidate.FromTokens(text, run.First, run.Last, EntityKind.Person, Evidence.Strong);
            yield break;
        }

        var chunk = context.Chunk[run.First];
        if (chunk is not null && context.ChunkEnd[run.First] - 1 == run.Last)
        {
            yield return FromChunk(text, run.First, run.Last, chunk);
            yield break;
        }

        if (text.IsLowercaseWord(run.First - 1) && lexicon.OrgDescriptors.Contains(text.Keys[run.First - 1]))
        {
            yield return MentionCandidate.FromTokens(text, run.First, run.Last, EntityKind.Organization, Evidence.Strong);
            yield break;
        }

        if (HasChunk(context, run))
        {
            foreach (var mention in SplitAtChunks(context, run))
            {
                yield return mention;
            }

            yield break;
        }

        if (run.Length == 1 && compounds.TrySplit(text, run.First, out var parts))
        {
            foreach (var part in parts)
            {
                yield return part;
            }

            yield break;
        }

        yield return Guess(context, run);
    }

    private static MentionCandidate FromChunk(TokenizedText text, int first, int last, GazetteerEntry entry) =>
        MentionCandidate.FromTokens(text, first, last, entry.Kind, Evidence.Strong) with { Group = entry.Group, Place = entry.Place };

    /// <summary>"Ministry of Foreign Affairs" → organisation, "Great Hall of the People" → location.</summary>
    private EntityKind? HeadCue(TokenizedText text, NameRun run)
    {
        var head = run.Last;
        for (var i = run.First; i < run.Last; i++)
        {
            if (text.IsLowercaseWord(i + 1) && text.Keys[i + 1] is "of" or "for" or "on")
            {
                head = i;
                break;
            }
        }

        foreach (var index in new[] { head, run.Last })
        {
            if (lexicon.OrgCues.Contains(text.Keys[index]))
            {
                return EntityKind.Organization;
            }

            if (lexicon.LocationCues.Contains(text.Keys[index]))
            {
                return EntityKind.Location;
            }

            if (lexicon.MiscCues.Contains(text.Keys[index]) && run.Length > 1)
            {
                return EntityKind.Misc;
            }
        }

        return null;
    }

    /// <summary>An honorific ("Mr") or a title in use ("President", "co-founder") right before the name.</summary>
    private static bool PersonContext(RecognitionContext context, int first) =>
        (first > 0 && context.Honorific[first - 1] && context.Text[first - 1].Sentence == context.Text[first].Sentence)
        || context.ActiveTitleEndingAt(first - 1) is not null;

    private static bool OnlyChunks(RecognitionContext context, NameRun run)
    {
        var chunks = 0;
        var i = run.First;
        while (i <= run.Last && context.Chunk[i] is not null)
        {
            chunks++;
            i = context.ChunkEnd[i];
        }

        return chunks > 1 && i == run.Last + 1;
    }

    private static bool HasChunk(RecognitionContext context, NameRun run)
    {
        for (var i = run.First; i <= run.Last; i++)
        {
            if (context.Chunk[i] is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A run holding a known name and more: "Michael Jordan" (given name first, or the known name last)
    /// is one person; "Chinese Xi" splits into the known name and the rest.
    /// </summary>
    private IEnumerable<MentionCandidate> SplitAtChunks(RecognitionContext context, NameRun run)
    {
        var text = context.Text;
        var chunkAtEnd = false;
        for (var i = run.First + 1; i <= run.Last; i++)
        {
            chunkAtEnd |= context.Chunk[i] is not null && context.ChunkEnd[i] - 1 == run.Last && context.Chunk[run.First] is null;
        }

        if ((context.Chunk[run.First] is null && lexicon.GivenNames.Contains(text.Keys[run.First])) || chunkAtEnd)
        {
            yield return MentionCandidate.FromTokens(text, run.First, run.Last, EntityKind.Person, Evidence.Medium);
            yield break;
        }

        var restStart = -1;
        for (var i = run.First; i <= run.Last + 1; i++)
        {
            var chunk = i <= run.Last ? context.Chunk[i] : null;
            if (i <= run.Last && chunk is null)
            {
                if (restStart < 0 && !text.IsLowercaseWord(i))
                {
                    restStart = i;
                }

                continue;
            }

            if (restStart >= 0)
            {
                var last = i - 1;
                while (last > restStart && text.IsLowercaseWord(last))
                {
                    last--;
                }

                yield return Guess(context, new NameRun(restStart, last));
                restStart = -1;
            }

            if (chunk is not null)
            {
                yield return FromChunk(text, i, context.ChunkEnd[i] - 1, chunk);
                i = context.ChunkEnd[i] - 1;
            }
        }
    }

    private MentionCandidate Guess(RecognitionContext context, NameRun run)
    {
        var text = context.Text;
        var first = run.First;
        var surface = text.Surface[first];
        if (run.Length == 1 && LexiconKeys.IsAllCaps(surface) && surface.Length <= 7)
        {
            return MentionCandidate.FromTokens(text, first, run.Last, EntityKind.Organization, Evidence.Medium);
        }

        if (IsFollowedByOrgRole(context, run.Last))
        {
            return MentionCandidate.FromTokens(text, first, run.Last, EntityKind.Organization, Evidence.Medium);
        }

        var givenName = lexicon.GivenNames.Contains(text.Keys[first]);
        if (!givenName && first > 0 && text.IsLowercaseWord(first - 1) && LocativePrepositions.Contains(text.Keys[first - 1]))
        {
            return MentionCandidate.FromTokens(text, first, run.Last, EntityKind.Location, Evidence.Medium);
        }

        if (givenName && run.Length > 1)
        {
            return MentionCandidate.FromTokens(text, first, run.Last, EntityKind.Person, Evidence.Medium);
        }

        var saysNext = run.Last + 1 < text.Count && text.IsLowercaseWord(run.Last + 1)
            && lexicon.SpeechCues.Lookup(text.Keys[run.Last + 1]) is not null;
        if (run.Length == 1)
        {
            var kind = saysNext ? EntityKind.Person : EntityKind.Misc;
            return MentionCandidate.FromTokens(text, first, run.Last, kind, Evidence.Weak) with { KindOpen = true };
        }

        var ordinary = 0;
        for (var i = first; i <= run.Last; i++)
        {
            if (lexicon.IsOrdinaryWord(text.Keys[i]) || LexiconKeys.IsAllCaps(text.Surface[i]) || !text.IsCapitalized(i))
            {
                ordinary++;
            }
        }

        var personLike = saysNext || ordinary <= (run.Length > 2 ? 0 : 1);
        return MentionCandidate.FromTokens(text, first, run.Last, personLike ? EntityKind.Person : EntityKind.Misc, Evidence.Weak);
    }

    /// <summary>"Microsoft co-founder", "Wells Fargo CEO": a name right before an in-house role names the organisation.</summary>
    private bool IsFollowedByOrgRole(RecognitionContext context, int last)
    {
        var next = last + 1;
        if (next < context.Text.Count && context.Text[next].Kind == TokenKind.Clitic)
        {
            next++;
        }

        if (next >= context.Text.Count || context.TitleAt[next] < 0)
        {
            return false;
        }

        var title = context.Titles[context.TitleAt[next]];
        return title.First == next && lexicon.OrgRoles.Contains(title.Head);
    }
}
