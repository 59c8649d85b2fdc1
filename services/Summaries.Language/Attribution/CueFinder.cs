using System.Collections.Frozen;
using Summaries.Language.Lexicons;
using Summaries.Language.Segmentation;

namespace Summaries.Language.Attribution;

/// <summary>
/// Finds speech cues ("said", "is heard to say", "according to", "blamed") outside quotes, and skips
/// the look-alikes: noun uses ("the warning", "his early-morning tweets"), infinitives and other
/// uses after a preposition ("to ask"), passives ("was told", "reported by") and a cue right before
/// another cue ("reports said").
/// </summary>
internal sealed class CueFinder(Lexicon lexicon)
{
    private static readonly FrozenSet<string> Determiners = FrozenSet.Create(
        StringComparer.Ordinal,
        "a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those");

    private static readonly FrozenSet<string> Prepositions = FrozenSet.Create(
        StringComparer.Ordinal,
        "to", "of", "for", "about", "in", "on", "at", "from", "with", "by", "into", "over", "after", "before");

    private static readonly FrozenSet<string> Passive = FrozenSet.Create(
        StringComparer.Ordinal,
        "is", "was", "were", "are", "be", "been", "being", "get", "got");

    /// <summary>Cue words that are also plural nouns: "tweets", "claims", "reports".</summary>
    private static readonly FrozenSet<string> NounLike = FrozenSet.Create(
        StringComparer.Ordinal,
        "tweets", "claims", "notes", "reports", "states", "promises", "demands", "pledges", "vows", "replies", "stresses",
        "warns", "urges", "calls for", "recalls", "remarks", "blames", "calls", "shows", "finds", "hopes", "fears", "estimates",
        "cites", "praises", "proposes", "show", "hope", "fear", "find", "thought");

    /// <summary>Cue verbs that also mean taking something: "the flood claimed the lives of", "claimed victory in".</summary>
    private static readonly FrozenSet<string> TakingVerbs = FrozenSet.Create(StringComparer.Ordinal, "claim", "claimed", "claiming", "claims");

    /// <summary>Words opening a noun phrase that is an object, not the subject of a reported clause.</summary>
    private static readonly FrozenSet<string> ObjectOpeners = FrozenSet.Create(
        StringComparer.Ordinal,
        "a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those", "more", "many",
        "dozens", "hundreds", "thousands", "several");

    private static readonly FrozenSet<string> Auxiliaries = FrozenSet.Create(
        StringComparer.Ordinal,
        "is", "was", "were", "are", "had", "has", "have", "will", "would", "could", "should", "can", "may", "might", "did", "does", "do");

    private const int MaxObjectTokens = 12;

    /// <summary>How many modifiers may stand between a determiner and a noun-like cue word ("a Spanish reality show").</summary>
    private const int MaxModifiers = 3;

    private static readonly FrozenSet<string> Pronouns = FrozenSet.Create(StringComparer.Ordinal, "he", "she", "it", "that", "who", "there", "what");

    public IReadOnlyList<Cue> Find(TokenizedText text, bool[] insideQuote)
    {
        var cues = new List<Cue>();
        string? KeyAt(int j) => text.IsWord(j) && !insideQuote[j] ? text.Keys[j] : null;
        for (var s = 0; s < text.Sentences.Count; s++)
        {
            var end = text.SentenceEndToken[s];
            for (var i = text.SentenceFirstToken[s]; i < end; i++)
            {
                if (insideQuote[i] || !text.IsWord(i) || (!text.IsLowercaseWord(i) && !text.IsClauseStart(i))
                    || !lexicon.SpeechCues.TryMatch(KeyAt, i, end, out var length, out var entry))
                {
                    continue;
                }

                var last = i + length - 1;
                if (IsCue(text, i, last, end, insideQuote, entry!))
                {
                    cues.Add(new Cue(i, last, text.Slice(i, last), entry!.SpeakerFollows, s));
                }

                i = last;
            }
        }

        return cues;
    }

    private bool IsCue(TokenizedText text, int first, int last, int end, bool[] insideQuote, CueEntry entry)
    {
        var sentenceStart = text.SentenceFirstToken[text[first].Sentence];
        var previous = first - 1;
        while (previous > sentenceStart && text.IsLowercaseWord(previous)
            && (text.Keys[previous].EndsWith("ly", StringComparison.Ordinal) || text.Keys[previous] is "also" or "first" or "then" or "later"))
        {
            previous--;
        }

        var hasPrevious = previous >= sentenceStart;
        var previousKey = hasPrevious ? text.Keys[previous] : string.Empty;
        var ing = text.Keys[first].EndsWith("ing", StringComparison.Ordinal);
        if (hasPrevious && !entry.SpeakerFollows)
        {
            if (Determiners.Contains(previousKey) || (Prepositions.Contains(previousKey) && text.IsLowercaseWord(previous) && !ing))
            {
                return false;
            }

            // "Trump’s tweets" is a noun; "He’s claiming" is a verb.
            if (previousKey == "'s" && !ing && !(previous > sentenceStart && Pronouns.Contains(text.Keys[previous - 1])))
            {
                return false;
            }

            if (first == last && Passive.Contains(previousKey) && !ing)
            {
                return false;
            }
        }

        var next = last + 1;
        if (entry.ClauseFinal && next < end && text[next].Kind is not (TokenKind.Punctuation or TokenKind.Quote or TokenKind.Dash))
        {
            return false;
        }

        if (text.Is(next, "by") || (text.Keys[last] is "continued" or "continues" && text.Is(next, "to")))
        {
            return false;
        }

        if (NounLike.Contains(entry.Phrase) && !NounLikeUsedAsVerb(text, previous, hasPrevious, next))
        {
            return false;
        }

        if (first == last && TakingVerbs.Contains(text.Keys[first]) && TakesAThing(text, next, end, insideQuote))
        {
            return false;
        }

        return !(next < end && text.IsWord(next) && !insideQuote[next] && lexicon.SpeechCues.Lookup(text.Keys[next]) is not null
            && text.Keys[next] != "that");
    }

    /// <summary>
    /// "claimed the lives of 30 people", "claimed 30 lives.", "claimed a seat in the assembly": an
    /// object noun phrase with a prepositional phrase (or a count) and no verb up to the clause's end is
    /// the thing taken. A reported claim has a verb ("claimed the head of the agency had lied"), or
    /// "that", "to" or a quote after the cue, and keeps its cue.
    /// </summary>
    private static bool TakesAThing(TokenizedText text, int next, int end, bool[] insideQuote)
    {
        var number = next < end && text[next].Kind == TokenKind.Number;
        if (next >= end || insideQuote[next] || !(number || (text.IsLowercaseWord(next) && ObjectOpeners.Contains(text.Keys[next]))))
        {
            return false;
        }

        var preposition = false;
        var k = next + 1;
        for (; k < end && k <= next + MaxObjectTokens; k++)
        {
            if (insideQuote[k] || text[k].Kind is TokenKind.Quote || text.IsPunctuation(k, ',') || text.IsPunctuation(k, ';')
                || text.Keys[k] is "who" or "which" or "that" or "when")
            {
                break;
            }

            var key = text.Keys[k];
            preposition |= text.IsLowercaseWord(k) && Prepositions.Contains(key) && k > next + 1;
            var pastVerb = text.IsLowercaseWord(k) && key.EndsWith("ed", StringComparison.Ordinal)
                && !(text.IsWord(k - 1) && (Prepositions.Contains(text.Keys[k - 1]) || ObjectOpeners.Contains(text.Keys[k - 1])))
                && text[k - 1].Kind != TokenKind.Number;
            if (pastVerb || Auxiliaries.Contains(key))
            {
                return false;
            }
        }

        var countEndsSentence = number && k > next + 1 && (k == end || CharClasses.IsSentenceTerminal(text.Surface[k][0]));
        return preposition || countEndsSentence;
    }

    private static bool OpensWithDeterminer(TokenizedText text, int previous, bool hasPrevious)
    {
        for (var k = previous; hasPrevious && k >= 0 && k > previous - MaxModifiers && text.IsWord(k); k--)
        {
            if (Determiners.Contains(text.Keys[k]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Trump tweets that", not "late-night tweets about": no modifier before, no preposition or participle after.</summary>
    private static bool NounLikeUsedAsVerb(TokenizedText text, int previous, bool hasPrevious, int next)
    {
        if (hasPrevious && (text[previous].Kind is TokenKind.Number or TokenKind.Clitic
            || (text.IsLowercaseWord(previous) && text.Surface[previous].Contains('-', StringComparison.Ordinal))))
        {
            return false;
        }

        if (next >= text.Count || text[next].Sentence != text[next - 1].Sentence
            || (text[next].Kind == TokenKind.Punctuation && (text.Surface[next] == "," || CharClasses.IsSentenceTerminal(text.Surface[next][0]))))
        {
            // "appeared on a Spanish reality show.", "named “Veep” as his top shows,": ending a phrase that a
            // determiner opens, the word is its head noun.
            return !OpensWithDeterminer(text, previous, hasPrevious);
        }

        // "Her plan promises to lift …", "promises to “lift …”": "to" before a verb is an infinitive, so the cue word is a verb.
        var key = text.Keys[next];
        var verb = next + 1 < text.Count && text[next + 1].Kind == TokenKind.Quote ? next + 2 : next + 1;
        var infinitive = key == "to" && text.IsLowercaseWord(verb) && !Determiners.Contains(text.Keys[verb]);
        return infinitive
            || !(text.IsLowercaseWord(next) && (Prepositions.Contains(key) || key.EndsWith("ing", StringComparison.Ordinal) || key.EndsWith("ed", StringComparison.Ordinal)));
    }
}
