using System.Collections.Frozen;
using Summaries.Language.Resolution;
using Summaries.Language.Segmentation;

namespace Summaries.Language.Attribution;

/// <summary>
/// The speaker of each cue, computed once. Besides the subject before or after the cue, a cue with
/// no subject of its own takes one from its clause: "…said X and blamed Y" (the previous cue's
/// speaker) or "Mr Xi offered a hint…, saying…" (the sentence's subject).
/// </summary>
internal sealed class CueSpeakers(TokenizedText text, SpeakerFinder finder, MentionIndex mentions, CueIndex cues, bool[] insideQuote)
{
    private static readonly FrozenSet<string> LeadingAdverbials = FrozenSet.Create(
        StringComparer.Ordinal,
        "in", "on", "at", "after", "before", "during", "despite", "earlier", "later", "while", "when", "as", "since", "for", "with",
        "although", "though", "if");

    private const int MaxPlainSubjectTokens = 8;

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
        // "…,” telling Fox 35 that …": after a form of "tell" comes the listener, not the speaker.
        // "…,” blaming Mr Xi": a participle after the quote takes an object, never an inverted subject.
        var tell = text.Keys[cue.FirstToken] is "tell" or "tells" or "told" or "telling";
        var participle = text.Keys[cue.FirstToken].EndsWith("ing", StringComparison.Ordinal);
        if (!tell && (text.IsClauseStart(cue.FirstToken) || (FollowsQuote(cue.FirstToken) && !participle)))
        {
            return finder.After(cue.LastToken) ?? finder.Before(cue.FirstToken);
        }

        // "…, saying": a participle after a comma belongs to the clause's subject, not the words before it.
        var previous = cue.FirstToken - 1;
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

        // "“…” that Sanders can catch Clinton, said Steve Elmendorf": inverted after a comma, a name follows.
        if (!participle && !tell && text.IsPunctuation(previous, ',') && finder.After(cue.LastToken) is { Key: not null } inverted)
        {
            return inverted;
        }

        var earlier = cues.In(cue.Sentence).LastOrDefault(c => c.LastToken < cue.FirstToken);
        return (earlier is not null ? Of(earlier) : null) ?? SubjectOf(cue.Sentence, cue.FirstToken);
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
    /// The subject of <paramref name="sentence"/>, looked for before token <paramref name="limit"/>, when
    /// it is a name or pronoun: the first words of the main clause. The main clause starts the sentence,
    /// or else follows a comma that closes a leading adverbial ("Eight years ago, he …"); an adverbial opening
    /// with a preposition or conjunction is never the subject ("In earlier meetings between Mr Blinken
    /// and …, the two sides …" has no named subject, so none is returned).
    /// </summary>
    public Speaker? SubjectOf(int sentence, int limit)
    {
        var first = text.SentenceFirstToken[sentence];
        var lead = text.IsWord(first) && text.Keys[first] is "and" or "but" or "so" or "yet" ? first + 1 : first;
        var leadingAdverbial = text.IsWord(lead) && LeadingAdverbials.Contains(text.Keys[lead]);
        if (!leadingAdverbial && SubjectAt(first, limit) is { } opening)
        {
            return opening;
        }

        for (var i = first; i < limit && i < first + 25; i++)
        {
            if (insideQuote[i])
            {
                break;
            }

            if (text.IsPunctuation(i, ',') && SubjectAt(i + 1, limit) is { } afterComma)
            {
                return afterComma;
            }
        }

        return null;
    }

    private Speaker? SubjectAt(int start, int limit)
    {
        Speaker? possessor = null;
        for (var i = start; i < limit && i < start + 4; i++)
        {
            if (insideQuote[i])
            {
                return possessor;
            }

            // "Sanders’ surge doesn’t surprise …": a possessive name modifies the subject; it speaks only
            // when nothing else does ("Clinton’s response was: …").
            if (mentions.At(i) is { Info.Kind: EntityKind.Person or EntityKind.Organization } mention)
            {
                var speaker = finder.Before(mention.LastToken + 1, allowAppositive: false);
                if (text[Math.Min(mention.LastToken + 1, text.Count - 1)].Kind != TokenKind.Clitic)
                {
                    return speaker;
                }

                possessor ??= speaker;
            }

            if (text.IsWord(i) && text.Keys[i] is "he" or "she" or "it" or "they" or "i" or "we")
            {
                return finder.Before(i + 1, allowAppositive: false);
            }

            if (mentions.At(i) is { } other)
            {
                i = other.LastToken;
            }
        }

        return possessor ?? PlainSubject(start, limit);
    }

    /// <summary>
    /// "the justice sounded off on Trump, saying …", "several environmental groups granted …": an
    /// unnamed subject is the phrase that opens the clause, up to its first past-tense verb.
    /// </summary>
    private Speaker? PlainSubject(int start, int limit)
    {
        for (var i = start + 1; i < limit && i < start + MaxPlainSubjectTokens; i++)
        {
            if (insideQuote[i] || text[i].Kind is TokenKind.Punctuation or TokenKind.Quote or TokenKind.Dash)
            {
                return null;
            }

            if (text.IsLowercaseWord(i) && text.Keys[i].Length > 3 && text.Keys[i].EndsWith("ed", StringComparison.Ordinal))
            {
                var subject = finder.Before(i, allowAppositive: false);
                return subject is not null && subject.FirstToken <= start + 1 && subject.Key is null ? subject : null;
            }
        }

        return null;
    }
}
