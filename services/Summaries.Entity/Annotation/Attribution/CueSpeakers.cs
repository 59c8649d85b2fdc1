using Summaries.Entity.Annotation.Resolution;
using Summaries.Entity.Annotation.Segmentation;

namespace Summaries.Entity.Annotation.Attribution;

/// <summary>
/// The speaker of each cue, computed once. Besides the subject before or after the cue, a cue with
/// no subject of its own takes one from its clause: "…said X and blamed Y" (the previous cue's
/// speaker) or "Mr Xi offered a hint…, saying…" (the sentence's subject).
/// </summary>
internal sealed class CueSpeakers(TokenizedText text, SpeakerFinder finder, MentionIndex mentions, CueIndex cues, bool[] insideQuote)
{
    private readonly Dictionary<Cue, Speaker?> memo = [];

    public Speaker? Of(Cue cue)
    {
        if (!memo.TryGetValue(cue, out var speaker))
        {
            speaker = Find(cue);
            memo[cue] = speaker;
        }

        return speaker;
    }

    private Speaker? Find(Cue cue)
    {
        if (cue.SpeakerFollows)
        {
            return finder.After(cue.LastToken);
        }

        // "Said Ellis: …" and "…,” said Mr Xi": the speaker follows the cue.
        if (text.IsClauseStart(cue.FirstToken) || FollowsQuote(cue.FirstToken))
        {
            return finder.After(cue.LastToken) ?? finder.Before(cue.FirstToken);
        }

        // "…, saying": a participle after a comma belongs to the clause's subject, not the words before it.
        var previous = cue.FirstToken - 1;
        var participle = text.Keys[cue.FirstToken].EndsWith("ing", StringComparison.Ordinal);
        var speaker = participle && text.IsPunctuation(previous, ',') ? null : finder.Before(cue.FirstToken);
        if (speaker is not null)
        {
            return speaker;
        }

        var coordinated = participle
            || (previous >= 0 && (text.Is(previous, "and") || text.Is(previous, "but") || text.IsPunctuation(previous, ',')));
        if (!coordinated)
        {
            return null;
        }

        var earlier = cues.In(cue.Sentence).LastOrDefault(c => c.LastToken < cue.FirstToken);
        return earlier is not null ? Of(earlier) : SentenceSubject(cue);
    }

    /// <summary>“…,” said X: the cue comes right after a closing quote and its comma.</summary>
    private bool FollowsQuote(int cueFirst)
    {
        var k = cueFirst - 1;
        if (text.IsPunctuation(k, ','))
        {
            k--;
        }

        return k >= 0 && text[k].Kind == TokenKind.Quote && text[k].Sentence == text[cueFirst].Sentence;
    }

    /// <summary>
    /// The sentence's subject when it is a name or pronoun: the first words of the main clause, after a
    /// leading adverbial ("In earlier meetings between Mr Blinken and …, the two sides …" has no named
    /// subject, so none is returned).
    /// </summary>
    private Speaker? SentenceSubject(Cue cue)
    {
        var first = text.SentenceFirstToken[cue.Sentence];
        var start = first;
        if (text.IsWord(first) && text.Keys[first] is "in" or "on" or "at" or "after" or "before" or "during" or "despite"
            or "earlier" or "later" or "while" or "when" or "as" or "since" or "for" or "with" or "although" or "though" or "if")
        {
            for (var i = first; i < cue.FirstToken && i < first + 25; i++)
            {
                if (text.IsPunctuation(i, ',') && !insideQuote[i])
                {
                    start = i + 1;
                    break;
                }
            }

            if (start == first)
            {
                return null;
            }
        }

        for (var i = start; i < cue.FirstToken && i < start + 4; i++)
        {
            if (insideQuote[i])
            {
                return null;
            }

            if (mentions.At(i) is { Info.Kind: EntityKind.Person or EntityKind.Organization } mention)
            {
                return finder.Before(mention.LastToken + 1, allowAppositive: false);
            }

            if (text.IsWord(i) && text.Keys[i] is "he" or "she" or "it" or "they")
            {
                return finder.Before(i + 1, allowAppositive: false);
            }
        }

        return null;
    }
}
