using System.Collections.Frozen;
using Summaries.Language.Segmentation;

namespace Summaries.Language.Attribution;

/// <summary>The cue and speaker found for a direct quote; <c>CueText</c> is null when nothing attributes it.</summary>
internal readonly record struct DirectAttribution(Cue? Cue, Speaker? Speaker, string? CueText)
{
    public static DirectAttribution None => default;

    public static DirectAttribution Of(Cue cue, Speaker? speaker) => new(cue, speaker, cue.Text);
}

/// <summary>
/// Finds who speaks a direct quote, trying the attributions news style uses in order: “…,” Mr Xi
/// said / “…,” said Mr Xi / ”… ― Name; “…?” Clinton said. as a sentence of its own; the nearest
/// cue before the quote in its sentence (Mr Xi said … “…”), or the cue whose report holds that one;
/// a later cue in the sentence; “Clinton said:” ending the sentence before; the subject of a clause
/// ending in a colon or dash (Clinton has since apologised: “…”); a transcript label inside the
/// marks (“PENCE: Well, …”); and the speaker of the sentence just before, when the quote is a
/// sentence of its own. A cue whose speaker cannot be found is kept only when no later rule finds one.
/// </summary>
internal sealed partial class DirectQuoteSpeakers(
    TokenizedText text, CueIndex cues, CueSpeakers speakers, SpeakerFinder finder, MentionIndex mentions, bool[] insideQuote)
{
    private const int MaxTokensToCueAfterQuote = 8;

    /// <summary>"Putney said …, but he said …": a conjunction before the inner subject starts a clause of its own, outside the earlier report.</summary>
    private static readonly FrozenSet<string> ClauseLinks = FrozenSet.Create(StringComparer.Ordinal, "but", "and", "though", "although", "while", "yet");

    /// <summary>How far a cue may follow the quote when its subject starts right after the marks: a name and its appositive.</summary>
    private const int MaxTokensToSubjectCue = 24;

    public DirectAttribution Find(QuoteSpan span)
    {
        var fallback = DirectAttribution.None;
        bool Found(DirectAttribution candidate)
        {
            if (candidate.Speaker is not null)
            {
                return true;
            }

            if (fallback.CueText is null)
            {
                fallback = candidate;
            }

            return false;
        }

        if (AfterQuote(span) is { } after && (after.Cue is null || Found(after)))
        {
            return after;
        }

        if (NextSentenceAttribution(span) is { } next)
        {
            return next;
        }

        var before = cues.In(span.StartSentence).LastOrDefault(c => c.LastToken < span.OpenToken);
        if (before is not null && Outermost(before) is var reported && Found(reported))
        {
            return reported;
        }

        var later = SentenceFinalCue(span) ?? cues.In(text[span.LastToken].Sentence).FirstOrDefault(c => c.FirstToken > span.LastToken);
        if (later is not null && DirectAttribution.Of(later, speakers.Of(later)) is var following && Found(following))
        {
            return following;
        }

        var opensSentence = text.SentenceFirstToken[span.StartSentence] == span.OpenToken;
        var introducer = span.StartSentence - 1;
        var sameParagraph = introducer >= 0 && text.Paragraph[introducer] == text.Paragraph[span.StartSentence];
        if (opensSentence && introducer >= 0 && text.IsPunctuation(text.SentenceEndToken[introducer] - 1, ':'))
        {
            // "Clinton said:" closing the previous sentence introduces the quote that opens this one.
            var lead = cues.In(introducer).LastOrDefault();
            if (lead is not null && DirectAttribution.Of(lead, speakers.Of(lead)) is var introduction && Found(introduction))
            {
                return introduction;
            }

            if (speakers.SubjectOf(introducer, text.SentenceEndToken[introducer] - 1) is { } subject)
            {
                return new DirectAttribution(null, subject, ":");
            }
        }

        // "Clinton has since apologized for what happened: “…”", "Trump also embraced enhanced interrogation -- “…”":
        // the clause before the colon or dash introduces the quote.
        var introducedBy = span.OpenToken - 1;
        if ((text.IsPunctuation(introducedBy, ':') || (introducedBy >= 0 && text[introducedBy].Kind == TokenKind.Dash)) && !insideQuote[introducedBy]
            && text[introducedBy].Sentence == span.StartSentence && speakers.SubjectOf(span.StartSentence, introducedBy) is { } introduced)
        {
            return new DirectAttribution(null, introduced, text.Surface[introducedBy]);
        }

        if (TranscriptLabel(span) is { } label)
        {
            return new DirectAttribution(null, label, ":");
        }

        if (fallback.CueText is null && FillsParagraph(span) && SignatureLine(span) is { } signed)
        {
            return signed;
        }

        var carries = opensSentence || (sameParagraph && AfterShortLead(span));
        if (fallback.CueText is null && carries && (sameParagraph || FillsParagraph(span)) && introducer >= 0
            && PreviousSentenceSpeaker(introducer) is { } carried)
        {
            return carried;
        }

        return fallback;
    }

    /// <summary>“…,” Mr Xi said / “…,” said Mr Xi / ”… ― Name: the attribution right after the closing mark.</summary>
    private DirectAttribution? AfterQuote(QuoteSpan span)
    {
        if (span.CloseToken < 0)
        {
            return null;
        }

        var endSentence = text[span.LastToken].Sentence;
        var sentenceEnd = text.SentenceEndToken[endSentence];
        var k = span.CloseToken + 1;
        if (text.IsPunctuation(k, ','))
        {
            k++;
        }

        if (k < sentenceEnd && text[k].Kind == TokenKind.Dash && finder.After(k) is { Key: not null } signed)
        {
            return new DirectAttribution(null, signed, text.Surface[k]);
        }

        foreach (var cue in cues.In(endSentence))
        {
            if (cue.FirstToken < k || cue.FirstToken - k > MaxTokensToSubjectCue || HasQuoteBetween(k, cue.FirstToken))
            {
                continue;
            }

            // The subject right after the marks, or inverted after a near cue; "“…,” but Trump said" starts a new clause.
            // "Trump summed up Clinton as “terrible,” denounced her record": a cue with a speaker before the quote
            // leaves the verb after it a second predicate of that subject, and what follows it an object, unless a name.
            var speaker = speakers.Of(cue);
            var near = cue.FirstToken - k <= MaxTokensToCueAfterQuote;
            var inverted = speaker is not null && speaker.FirstToken > cue.LastToken;
            if (inverted && speaker!.Key is null && !cue.SpeakerFollows
                && cues.In(span.StartSentence).Any(c => c.LastToken < span.OpenToken && speakers.Of(c) is not null))
            {
                return null;
            }

            return cue.FirstToken == k || (speaker is not null && (speaker.FirstToken == k || (near && inverted)))
                ? DirectAttribution.Of(cue, speaker)
                : null;
        }

        return null;
    }

    /// <summary>
    /// "… drives him “to have purpose,” and he finds that in government work, he said.": an attribution
    /// closing the sentence after a comma speaks for all of it, before any cue in between.
    /// </summary>
    private Cue? SentenceFinalCue(QuoteSpan span)
    {
        var sentence = text[span.LastToken].Sentence;
        var last = cues.In(sentence).LastOrDefault();
        if (last is null || last.FirstToken <= span.LastToken || speakers.Of(last) is not { } speaker
            || speaker.LastToken >= last.FirstToken || !text.IsPunctuation(speaker.FirstToken - 1, ','))
        {
            return null;
        }

        var end = text.SentenceEndToken[sentence];
        for (var i = last.LastToken + 1; i < end; i++)
        {
            if (text[i].Kind is not (TokenKind.Punctuation or TokenKind.Quote))
            {
                return null;
            }
        }

        return last;
    }

    /// <summary>
    /// “…?” Clinton said. — a question or exclamation mark ends the sentence inside the quote, so the
    /// attribution is a short sentence of its own right after it.
    /// </summary>
    private DirectAttribution? NextSentenceAttribution(QuoteSpan span)
    {
        var sentence = text[span.LastToken].Sentence;
        if (span.CloseToken < 0 || span.CloseToken != text.SentenceEndToken[sentence] - 1 || sentence + 1 >= text.Sentences.Count
            || text.Paragraph[sentence + 1] != text.Paragraph[sentence])
        {
            return null;
        }

        if (cues.In(span.StartSentence).Any(c => c.LastToken < span.OpenToken))
        {
            return null;
        }

        var start = text.SentenceFirstToken[sentence + 1];
        var cue = cues.In(sentence + 1).FirstOrDefault(c => c.FirstToken - start <= 6);
        var speaker = cue is null ? null : speakers.Of(cue);
        return cue is not null && speaker is not null && (speaker.FirstToken == start || cue.FirstToken == start)
            && !HasQuoteBetween(start, cue.FirstToken)
            ? DirectAttribution.Of(cue, speaker)
            : null;
    }

    /// <summary>
    /// "She said she recalls the colleague being “confused”", "Ryan said the protests demand “more
    /// listening”": a cue inside the clause an earlier cue reports belongs to that report, so the
    /// earlier speaker is the source, unless the inner cue names someone else ("Trump said Clinton
    /// called it “the gold standard”" keeps Clinton) or opens a clause of its own after a conjunction.
    /// </summary>
    private DirectAttribution Outermost(Cue cue)
    {
        var inner = speakers.Of(cue);
        var outer = cues.In(cue.Sentence).LastOrDefault(c => c.LastToken < cue.FirstToken);
        var outerSpeaker = outer is null ? null : speakers.Of(outer);
        if (outer is null || outerSpeaker is null || outerSpeaker.LastToken >= outer.FirstToken
            || (inner is not null && inner.FirstToken <= outer.LastToken)
            || (inner?.Key is { } key && !string.Equals(key, outerSpeaker.Key, StringComparison.Ordinal))
            || OpensOwnClause(inner))
        {
            return DirectAttribution.Of(cue, inner);
        }

        return DirectAttribution.Of(outer, outerSpeaker);
    }

    /// <summary>
    /// ", but he said", "…,” and she said": a conjunction after a comma or a closing quote starts a new
    /// clause with its own subject; "shootings and protests demand" only joins two nouns.
    /// </summary>
    private bool OpensOwnClause(Speaker? inner)
    {
        var link = inner is null ? -1 : inner.FirstToken - 1;
        return inner is not null && text.IsWord(link) && ClauseLinks.Contains(text.Keys[link])
            && (text.IsPunctuation(link - 1, ',') || (link > 0 && text[link - 1].Kind == TokenKind.Quote));
    }


    private bool HasQuoteBetween(int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (text[i].Kind == TokenKind.Quote)
            {
                return true;
            }
        }

        return false;
    }
}
