using System.Collections.Frozen;
using Summaries.Language.Lexicons;
using Summaries.Language.Segmentation;

namespace Summaries.Language.Recognition;

/// <summary>A maximal sequence of name tokens, <c>[First..Last]</c> inclusive.</summary>
internal readonly record struct NameRun(int First, int Last)
{
    public int Length => Last - First + 1;
}

/// <summary>
/// Groups capitalised tokens into candidate names. Lowercase connectors join only where names use
/// them: "of/for/on (the)" after an organisation or place head ("Great Hall of the People",
/// "Ministry of Foreign Affairs"), "and" before one ("Securities and Exchange Commission"), and name
/// particles ("de", "van", "bin"). Leading function words ("The", "In") are dropped, and so is a lone
/// ordinary word at the start of a clause ("Despite", "Instead") unless the text uses it as a name
/// elsewhere.
/// </summary>
internal sealed class NameRunBuilder
{
    private static readonly FrozenSet<string> Particles = FrozenSet.Create(
        StringComparer.Ordinal,
        "de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "la", "le", "bin", "ibn", "al", "el", "dos", "das", "ter", "ten", "zu", "y");

    public IEnumerable<NameRun> Build(RecognitionContext context)
    {
        var text = context.Text;
        for (var s = 0; s < text.Sentences.Count; s++)
        {
            var end = text.SentenceEndToken[s];
            var i = text.SentenceFirstToken[s];
            while (i < end)
            {
                if (!context.IsNameToken(i) && context.Chunk[i] is null)
                {
                    i++;
                    continue;
                }

                var last = Extend(context, i, end);
                foreach (var run in Trim(context, new NameRun(i, last)))
                {
                    yield return run;
                }

                i = last + 1;
            }
        }
    }

    private static int Extend(RecognitionContext context, int first, int end)
    {
        var text = context.Text;
        var headline = context.HeadlineCase[text[first].Sentence];
        var last = first;
        while (true)
        {
            if (context.Chunk[last] is not null && context.ChunkEnd[last] - 1 > last)
            {
                last = context.ChunkEnd[last] - 1;
                continue;
            }

            var next = last + 1;
            if (next >= end)
            {
                return last;
            }

            if (context.IsNameToken(next) && !(headline && context.Lexicon.FunctionWords.Contains(text.Keys[next])))
            {
                last = next;
                continue;
            }

            var joined = JoinAfterConnector(context, first, last, next, end);
            if (joined < 0)
            {
                return last;
            }

            last = joined;
        }
    }

    /// <summary>The first token of the name continuing after a connector at <paramref name="next"/>, or -1.</summary>
    private static int JoinAfterConnector(RecognitionContext context, int first, int last, int next, int end)
    {
        var text = context.Text;
        var key = text.Keys[next];
        if (text.IsPunctuation(next, '&') && next + 1 < end && context.IsNameToken(next + 1))
        {
            return next + 1;
        }

        if (!text.IsLowercaseWord(next))
        {
            return -1;
        }

        if (Particles.Contains(key))
        {
            return next + 1 < end && context.IsNameToken(next + 1) ? next + 1 : -1;
        }

        if (key is "of" or "for" or "on")
        {
            var after = next + 1;
            if (after < end && text.Is(after, "the"))
            {
                after++;
            }

            // "Committee on Foreign Relations" but not "Crandall Canyon Mine on Thursday".
            var joins = after < end && context.IsNameToken(after) && !context.Lexicon.NonEntities.Contains(text.Surface[after])
                && (key == "on" ? HasOrgCue(context, first, last) : HasCue(context, first, last));
            return joins ? after : -1;
        }

        if (key == "and" && next + 1 < end && context.IsNameToken(next + 1))
        {
            var tail = next + 1;
            while (tail + 1 < end && context.IsNameToken(tail + 1))
            {
                tail++;
            }

            return context.Lexicon.OrgCues.Contains(text.Keys[tail]) && context.Chunk[first] is null ? next + 1 : -1;
        }

        return -1;
    }

    private static bool HasCue(RecognitionContext context, int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            var key = context.Text.Keys[i];
            if (context.Text.IsCapitalized(i) && (context.Lexicon.OrgCues.Contains(key) || context.Lexicon.LocationCues.Contains(key)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasOrgCue(RecognitionContext context, int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            if (context.Text.IsCapitalized(i) && context.Lexicon.OrgCues.Contains(context.Text.Keys[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HeadIsCue(RecognitionContext context, int last)
    {
        var key = context.Text.Keys[last];
        return context.Lexicon.OrgCues.Contains(key) || context.Lexicon.LocationCues.Contains(key) || context.Lexicon.MiscCues.Contains(key);
    }

    private static IEnumerable<NameRun> Trim(RecognitionContext context, NameRun run)
    {
        var text = context.Text;
        var lexicon = context.Lexicon;
        var first = run.First;
        // Any function word opening a clause ("The", "Despite", "His") goes; mid-sentence only an article
        // does ("the Mine Safety and Health Administration" keeps "Mine").
        while (first <= run.Last && context.Chunk[first] is null
            && ((lexicon.FunctionWords.Contains(text.Keys[first]) && (text.IsClauseStart(first) || first > run.First || text.Keys[first] is "the" or "a" or "an"))
                || lexicon.NonEntities.Contains(text.Surface[first]) || !text.IsCapitalized(first)))
        {
            first++;
        }

        if (first > run.Last)
        {
            yield break;
        }

        if (context.HeadlineCase[text[first].Sentence])
        {
            foreach (var part in SplitHeadline(context, first, run.Last))
            {
                yield return part;
            }

            yield break;
        }

        // "Rival Hillary Clinton", "Crooked Hillary": an ordinary word capitalised only because it opens
        // the clause is not part of the name that follows it.
        if (run.Last > first && text.IsClauseStart(first) && IsOrdinary(context, first) && !HeadIsCue(context, run.Last))
        {
            first++;
            while (first < run.Last && !text.IsCapitalized(first))
            {
                first++;
            }
        }

        var trimmed = new NameRun(first, run.Last);
        if (trimmed.Length == 1 && IsOrdinary(context, first) && (text.IsClauseStart(first) || first > run.First))
        {
            yield break;
        }

        if (trimmed.Length == 1 && lexicon.NonEntities.Contains(text.Surface[first]))
        {
            yield break;
        }

        yield return trimmed;
    }

    /// <summary>
    /// In a headline every word is capitalised, so keep only stretches of words with other evidence of
    /// being names: a gazetteer entry, a given name, an acronym, or a word the text capitalises mid-sentence.
    /// </summary>
    private static IEnumerable<NameRun> SplitHeadline(RecognitionContext context, int first, int last)
    {
        var text = context.Text;
        var start = -1;
        var i = first;
        while (i <= last + 1)
        {
            var span = i <= last && context.Chunk[i] is not null ? context.ChunkEnd[i] - i : 1;
            var key = i <= last ? text.Keys[i] : string.Empty;
            var evidence = i <= last && text.IsCapitalized(i)
                && (span > 1 || (context.Chunk[i] is not null && !context.Lexicon.IsOrdinaryWord(key)) || context.CapitalizedMidSentence.Contains(key)
                    || context.Lexicon.GivenNames.Contains(key)
                    || (LexiconKeys.IsAllCaps(text.Surface[i]) && !context.Lexicon.IsOrdinaryWord(key)));
            if (evidence)
            {
                start = start < 0 ? i : start;
                i += span;
                continue;
            }

            if (start >= 0)
            {
                yield return new NameRun(start, i - 1);
                start = -1;
            }

            i++;
        }
    }

    /// <summary>An ordinary word: common vocabulary, not a known name, not used as a name elsewhere in the text.</summary>
    private static bool IsOrdinary(RecognitionContext context, int i)
    {
        var key = context.Text.Keys[i];
        var lexicon = context.Lexicon;
        if (context.Chunk[i] is not null || lexicon.NonEntities.Contains(context.Text.Surface[i]))
        {
            return context.Chunk[i] is null;
        }

        if (lexicon.FunctionWords.Contains(key))
        {
            return true;
        }

        if (lexicon.GivenNames.Contains(key) || context.CapitalizedMidSentence.Contains(key))
        {
            return false;
        }

        // "Basically," "Unfortunately,": sentence adverbs, whether or not the word list has them.
        return (key.Length >= 6 && key.EndsWith("ly", StringComparison.Ordinal)) || lexicon.IsOrdinaryWord(key);
    }
}
