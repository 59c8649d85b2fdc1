using System.Collections.Frozen;
using Summaries.Language.Resolution;
using Summaries.Language.Segmentation;

namespace Summaries.Language.Attribution;

/// <summary>
/// Words next to a subject that are not the speaker: an aside between commas, a prepositional phrase
/// after the head noun, a time adverbial before the cue.
/// </summary>
internal sealed partial class SpeakerFinder
{
    private static readonly FrozenSet<string> Postmodifiers = FrozenSet.Create(
        StringComparer.Ordinal,
        "of", "for", "at", "in", "from", "with", "on", "through", "to");

    /// <summary>
    /// Heads that speak for the name after their preposition ("a spokesman for the ministry", "a statement
    /// from the embassy"): the text says who speaks, so the name stays the speaker.
    /// </summary>
    private static readonly FrozenSet<string> SpeaksFor = FrozenSet.Create(
        StringComparer.Ordinal,
        "spokesman", "spokesmen", "spokeswoman", "spokeswomen", "spokesperson", "spokespeople", "representative", "representatives",
        "lawyer", "lawyers", "attorney", "attorneys", "statement", "statements");

    /// <summary>Lowercase words inside a longer name: "Action on Smoking and Health", "Bank of the North".</summary>
    private static readonly FrozenSet<string> NameConnectors = FrozenSet.Create(StringComparer.Ordinal, "of", "on", "for", "and", "the");

    /// <summary>"an ad campaign this week praising …": a time adverbial before a participle is never its subject.</summary>
    private static readonly FrozenSet<string> TimeNouns = FrozenSet.Create(
        StringComparer.Ordinal,
        "week", "weeks", "month", "months", "year", "years", "day", "days", "morning", "afternoon", "evening", "night", "weekend",
        "today", "yesterday", "tonight", "time", "hour", "hours");

    private static readonly FrozenSet<string> TimeModifiers = FrozenSet.Create(
        StringComparer.Ordinal, "this", "last", "next", "that", "earlier", "later", "each", "every", "the", "same", "previous");

    private static readonly FrozenSet<string> PlacePrepositions = FrozenSet.Create(StringComparer.Ordinal, "of", "from", "in", "at");

    /// <summary>"Mr Xi, speaking on Friday, said": the subject before the comma-delimited aside.</summary>
    private Speaker? Appositive(int closing, int sentenceStart)
    {
        var open = text.IsPunctuation(closing, ')') ? '(' : ',';
        for (var k = closing - 1; k >= sentenceStart && k > closing - 30; k--)
        {
            if (insideQuote[k] || text[k].Kind == TokenKind.Quote)
            {
                return null;
            }

            if (text.IsPunctuation(k, open))
            {
                var end = k - 1;
                if (open == '(' && text.IsPunctuation(end, ','))
                {
                    return Appositive(end, sentenceStart);
                }

                // "Rep. Jim Jordan (R-Ohio), an oversight panel member, said": the name is before its bracket.
                if (open == ',' && text.IsPunctuation(end, ')'))
                {
                    end = OpeningBracket(end, sentenceStart) - 1;
                }

                // "Clinton, during a meeting in Columbus, Ohio, said", "Johnnie Wilson, of Springfield, Va., said":
                // a place, or an aside opening with a preposition, is not the speaker; look further back.
                var phrase = end >= sentenceStart ? NounPhraseEndingAt(end, sentenceStart) : null;
                var preposition = phrase is not null && PlacePrepositions.Contains(text.Keys[Math.Max(phrase.FirstToken - 1, 0)]);
                if (open == ',' && phrase is not null
                    && (mentions.At(end) is { Info.Kind: EntityKind.Location } || (preposition && text.IsPunctuation(phrase.FirstToken - 2, ','))))
                {
                    continue;
                }

                return open == ',' && phrase is not null && NamedAntecedent(phrase, sentenceStart) is { } named ? named : phrase;
            }
        }

        return null;
    }

    /// <summary>
    /// "Ken Boehm, chairman of the Trust, a charity, said", "Sgt. Ford, an agent in the Guard told": a
    /// description that resolves to no one, right after a name and its comma, describes that name, which is
    /// the speaker when it opens its clause (not "a letter to Ford, an agent said").
    /// </summary>
    private Speaker? NamedAntecedent(Speaker description, int sentenceStart)
    {
        var comma = description.FirstToken - 1;
        if (description.Key is not null || !text.IsLowercaseWord(description.FirstToken) || comma - 1 < sentenceStart
            || !text.IsPunctuation(comma, ',') || mentions.At(comma - 1) is not { Info.Kind: EntityKind.Person or EntityKind.Organization } name)
        {
            return null;
        }

        for (var k = name.FirstToken - 1; k >= sentenceStart && !text.IsPunctuation(k, ',') && !text.IsPunctuation(k, ';'); k--)
        {
            if (text.IsLowercaseWord(k) && !insideQuote[k] && text.Keys[k] is not ("and" or "but"))
            {
                return null;
            }
        }

        return NounPhraseEndingAt(comma - 1, sentenceStart);
    }

    private int OpeningBracket(int closing, int sentenceStart)
    {
        for (var k = closing - 1; k >= sentenceStart && k > closing - 12; k--)
        {
            if (text.IsPunctuation(k, '('))
            {
                return k;
            }
        }

        return sentenceStart - 1;
    }

    /// <summary>
    /// "A report released last year said", "an ad campaign this week praising": a time adverbial ends
    /// the words before the cue; the subject is the noun before it (and before its participle).
    /// </summary>
    private Speaker? BeforeTimeAdverbial(int j, int sentenceStart)
    {
        var k = j - 1;
        while (k > sentenceStart && text.IsLowercaseWord(k) && TimeModifiers.Contains(text.Keys[k]))
        {
            k--;
        }

        if (k > sentenceStart && k < j && text.IsLowercaseWord(k) && IsParticiple(text.Keys[k]))
        {
            k--;
        }

        return k < j - 1 && k >= sentenceStart && text.IsWord(k) && !insideQuote[k] ? NounPhraseEndingAt(k, sentenceStart) : null;
    }

    /// <summary>
    /// "Proponents of the new bill", "Protesters marching through the streets", "a staffer in the room":
    /// the plain phrase before a cue may close a prepositional phrase; the speaker is the noun it modifies.
    /// </summary>
    private Speaker? WithPostmodifiedHead(int phraseStart, int sentenceStart)
    {
        var p = phraseStart - 1;
        if (p - 1 < sentenceStart || !text.IsLowercaseWord(p) || !Postmodifiers.Contains(text.Keys[p]) || insideQuote[p])
        {
            return null;
        }

        // "marching through the streets", "stationed in Samarra": a participle between the noun and its preposition.
        var q = p - 1;
        if (text.IsLowercaseWord(q) && IsParticiple(text.Keys[q]) && q - 1 >= sentenceStart)
        {
            q--;
        }

        if (!text.IsWord(q) || insideQuote[q] || Pronouns.Contains(text.Keys[q]) || SpeaksFor.Contains(text.Keys[q]))
        {
            return null;
        }

        // "Friends of the Valley said", "Action on Smoking on Health said": a capitalised word before the
        // preposition makes the name after it the end of a longer name the recogniser split; the speaker
        // is the whole name, which resolves to no entity, not its last part.
        var phrase = NounPhraseEndingAt(q, sentenceStart);
        if (text.IsCapitalized(q) && !lexicon.FunctionWords.Contains(text.Keys[q])
            && NameChainStart(q, sentenceStart, out var crossedConnector) is var chainStart
            && (phrase is null || (crossedConnector && chainStart < phrase.FirstToken)))
        {
            return new Speaker(chainStart, q, text[chainStart].Start, text[q].End, text.Slice(chainStart, q), null);
        }

        return phrase;
    }

    /// <summary>The first word of the capitalised name ending at <paramref name="last"/>, across connectors ("Bank of the North").</summary>
    private int NameChainStart(int last, int sentenceStart, out bool crossedConnector)
    {
        crossedConnector = false;
        var start = last;
        while (true)
        {
            if (IsNameWord(start - 1, sentenceStart))
            {
                start--;
                continue;
            }

            var k = start - 1;
            while (k > sentenceStart && text.IsLowercaseWord(k) && NameConnectors.Contains(text.Keys[k]) && start - k < 3)
            {
                k--;
            }

            if (k < start - 1 && IsNameWord(k, sentenceStart))
            {
                crossedConnector = true;
                start = k;
                continue;
            }

            return start;
        }
    }

    private bool IsNameWord(int k, int sentenceStart) =>
        k >= sentenceStart && !insideQuote[k] && text.IsCapitalized(k) && !lexicon.FunctionWords.Contains(text.Keys[k]);

    private static bool IsParticiple(string key) =>
        key.Length > 4 && (key.EndsWith("ing", StringComparison.Ordinal) || key.EndsWith("ed", StringComparison.Ordinal));
}
