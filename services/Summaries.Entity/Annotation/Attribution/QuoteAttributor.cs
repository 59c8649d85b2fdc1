using Summaries.Entity.Annotation.Lexicons;
using Summaries.Entity.Annotation.Resolution;
using Summaries.Entity.Annotation.Segmentation;

namespace Summaries.Entity.Annotation.Attribution;

/// <summary>
/// Attributes direct quotes and reported speech to speakers. For a direct quote the attribution
/// right after it wins (“…,” Mr Xi said / “…,” said Mr Xi / ”… ― Name), then the nearest cue before
/// it in its sentence (Mr Xi said … “…”), then a later cue in the sentence; a quote with no cue that
/// opens a sentence continues the previous sentence's quote in the same paragraph and inherits its
/// speaker. Cues that no direct quote uses give reported speech.
/// </summary>
internal sealed class QuoteAttributor(Lexicon lexicon)
{
    private const int MinUnattributedWords = 5;

    private readonly DirectQuoteFinder quoteFinder = new();
    private readonly CueFinder cueFinder = new(lexicon);

    public IReadOnlyList<QuoteInfo> Attribute(TokenizedText text, ResolvedEntities entities)
    {
        var spans = quoteFinder.Find(text);
        var insideQuote = new bool[text.Count];
        foreach (var span in spans)
        {
            for (var i = span.OpenToken + 1; i < span.LastToken || (span.CloseToken < 0 && i == span.LastToken); i++)
            {
                insideQuote[i] = true;
            }
        }

        var mentions = new MentionIndex(text, entities.Mentions, insideQuote);
        var finder = new SpeakerFinder(lexicon, text, mentions, insideQuote);
        var cues = new CueIndex(cueFinder.Find(text, insideQuote));
        var speakers = new CueSpeakers(text, finder, mentions, cues, insideQuote);

        var quotes = new List<QuoteInfo>();
        var usedCues = new HashSet<Cue>();
        QuoteInfo? previous = null;
        QuoteSpan? previousSpan = null;
        foreach (var span in spans)
        {
            var (cue, speaker, cueText) = AttributeDirect(text, span, cues, speakers, finder);
            if (cue is not null)
            {
                usedCues.Add(cue);
            }

            var content = text.Text[span.ContentStart..span.ContentEnd];
            QuoteInfo? quote = null;
            if (cueText is not null)
            {
                quote = Build(span, content, cueText, speaker);
            }
            else if (previous is not null && previousSpan is not null && Continues(text, previousSpan, span))
            {
                quote = previous with
                {
                    Start = span.ContentStart, End = span.ContentEnd, Text = content, Cue = string.Empty, SentenceIndex = span.StartSentence,
                };
            }
            else if (CountWords(content) >= MinUnattributedWords)
            {
                quote = Build(span, content, string.Empty, null);
            }

            if (quote is not null)
            {
                quotes.Add(quote);
                previous = quote.SpeakerText is null ? null : quote;
                previousSpan = span;
            }
        }

        var reported = new ReportedSpeechFinder(text, insideQuote, cues);

        // A cue inside a clause already reported ("said that he hoped …") is part of that report, not a second one.
        var reportedUpTo = -1;
        foreach (var cue in cues.All)
        {
            if (usedCues.Contains(cue) || text[cue.FirstToken].Start < reportedUpTo)
            {
                continue;
            }

            if (reported.Content(cue, speakers.Of(cue)) is { } quote)
            {
                quotes.Add(quote);
                reportedUpTo = Math.Max(reportedUpTo, quote.End);
            }
        }

        quotes.Sort((a, b) => a.Start.CompareTo(b.Start));
        return quotes;
    }

    private static (Cue? Cue, Speaker? Speaker, string? CueText) AttributeDirect(
        TokenizedText text, QuoteSpan span, CueIndex cues, CueSpeakers speakers, SpeakerFinder finder)
    {
        var endSentence = text[span.LastToken].Sentence;
        var sentenceEnd = text.SentenceEndToken[endSentence];
        if (span.CloseToken >= 0)
        {
            var k = span.CloseToken + 1;
            if (text.IsPunctuation(k, ','))
            {
                k++;
            }

            if (k < sentenceEnd && text[k].Kind == TokenKind.Dash && finder.After(k) is { Key: not null } signed)
            {
                return (null, signed, text.Surface[k]);
            }

            foreach (var cue in cues.In(endSentence))
            {
                if (cue.FirstToken < k || cue.FirstToken - k > 8 || HasQuoteBetween(text, k, cue.FirstToken))
                {
                    continue;
                }

                var speaker = speakers.Of(cue);
                if (cue.FirstToken == k || (speaker is not null && speaker.FirstToken >= k))
                {
                    return (cue, speaker, cue.Text);
                }

                break;
            }
        }

        if (NextSentenceAttribution(text, span, cues, speakers) is { } next)
        {
            return next;
        }

        var before = cues.In(span.StartSentence).LastOrDefault(c => c.LastToken < span.OpenToken);
        if (before is not null)
        {
            return (before, speakers.Of(before), before.Text);
        }

        var after = cues.In(endSentence).FirstOrDefault(c => c.FirstToken > span.LastToken);
        if (after is not null)
        {
            return (after, speakers.Of(after), after.Text);
        }

        // "Clinton said:" closing the previous sentence introduces the quote that opens this one.
        var opensSentence = text.SentenceFirstToken[span.StartSentence] == span.OpenToken;
        var introducer = span.StartSentence - 1;
        if (opensSentence && introducer >= 0 && text.IsPunctuation(text.SentenceEndToken[introducer] - 1, ':'))
        {
            var lead = cues.In(introducer).LastOrDefault();
            if (lead is not null)
            {
                return (lead, speakers.Of(lead), lead.Text);
            }
        }

        return (null, null, null);
    }

    /// <summary>
    /// “…?” Clinton said. — a question or exclamation mark ends the sentence inside the quote, so the
    /// attribution is a short sentence of its own right after it.
    /// </summary>
    private static (Cue? Cue, Speaker? Speaker, string? CueText)? NextSentenceAttribution(
        TokenizedText text, QuoteSpan span, CueIndex cues, CueSpeakers speakers)
    {
        var sentence = text[span.LastToken].Sentence;
        if (span.CloseToken < 0 || span.CloseToken != text.SentenceEndToken[sentence] - 1 || sentence + 1 >= text.Sentences.Count
            || text.Paragraph[sentence + 1] != text.Paragraph[sentence])
        {
            return null;
        }

        var start = text.SentenceFirstToken[sentence + 1];
        var cue = cues.In(sentence + 1).FirstOrDefault(c => c.FirstToken - start <= 6);
        var speaker = cue is null ? null : speakers.Of(cue);
        return cue is not null && speaker is not null && (speaker.FirstToken == start || cue.FirstToken == start)
            && !HasQuoteBetween(text, start, cue.FirstToken)
            ? (cue, speaker, cue.Text)
            : null;
    }

    /// <summary>A quote opening its sentence right after a quoted sentence of the same paragraph continues it.</summary>
    private static bool Continues(TokenizedText text, QuoteSpan previous, QuoteSpan span)
    {
        var opensSentence = text.SentenceFirstToken[span.StartSentence] == span.OpenToken;
        var adjacent = span.StartSentence - previous.EndSentence is 0 or 1;
        var sameParagraph = text.Paragraph[previous.EndSentence] == text.Paragraph[span.StartSentence];

        // A quote running over paragraphs: left open at one paragraph's end, reopened at the next's start.
        var runsOver = previous.CloseToken < 0 && span.StartSentence - previous.EndSentence == 1;
        return opensSentence && adjacent && (sameParagraph || runsOver);
    }

    private static bool HasQuoteBetween(TokenizedText text, int from, int to)
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

    private static QuoteInfo Build(QuoteSpan span, string content, string cue, Speaker? speaker) =>
        new(span.ContentStart, span.ContentEnd, content, cue, speaker?.Key, speaker?.Text,
            speaker?.Start ?? -1, speaker?.End ?? -1, Direct: true, span.StartSentence);

    private static int CountWords(string content) =>
        content.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;
}
