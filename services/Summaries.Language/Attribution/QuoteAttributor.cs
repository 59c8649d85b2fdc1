using Summaries.Language.Lexicons;
using Summaries.Language.Resolution;
using Summaries.Language.Segmentation;

namespace Summaries.Language.Attribution;

/// <summary>
/// Attributes direct quotes and reported speech to speakers. Quotation marks around a title or
/// heading (<see cref="TitleQuotes"/>) are skipped; each other direct quote gets its speaker from
/// <see cref="DirectQuoteSpeakers"/>, or else continues the previous quote: a quote opening its
/// sentence right after a quoted sentence of the same paragraph, or a paragraph that is only a
/// quote right after a paragraph that ended with the speaker's quote. Cues that no direct quote
/// uses give reported speech.
/// </summary>
internal sealed class QuoteAttributor(Lexicon lexicon)
{
    private const int MinUnattributedWords = 5;

    private readonly DirectQuoteFinder quoteFinder = new();
    private readonly CueFinder cueFinder = new(lexicon);

    public IReadOnlyList<QuoteInfo> Attribute(TokenizedText text, ResolvedEntities entities, CancellationToken cancellationToken = default)
    {
        var spans = quoteFinder.Find(text);
        cancellationToken.ThrowIfCancellationRequested();
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
        var direct = new DirectQuoteSpeakers(text, cues, speakers, finder, mentions, insideQuote);
        var titles = new TitleQuotes(text, cues);
        cancellationToken.ThrowIfCancellationRequested();

        var quotes = new List<QuoteInfo>();
        var usedCues = new HashSet<Cue>();
        QuoteInfo? previous = null;
        QuoteSpan? previousSpan = null;
        var seen = 0;
        foreach (var span in spans)
        {
            // Hundreds of thousands of quotation marks make as many spans: look at the token now and then.
            if (++seen % 1_024 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (titles.IsTitle(span))
            {
                continue;
            }

            var (cue, speaker, cueText) = direct.Find(span);
            if (cue is not null)
            {
                usedCues.Add(cue);
            }

            var content = text.Text[span.ContentStart..span.ContentEnd];
            QuoteInfo? quote = null;
            if (speaker is not null)
            {
                quote = Build(span, content, cueText ?? string.Empty, speaker);
            }
            else if (previous is not null && previousSpan is not null && Continues(text, previousSpan, span))
            {
                quote = previous with
                {
                    Start = span.ContentStart, End = span.ContentEnd, Text = content, Cue = string.Empty, SentenceIndex = span.StartSentence,
                };
            }
            else if (cueText is not null || CountWords(content) >= MinUnattributedWords)
            {
                quote = Build(span, content, cueText ?? string.Empty, null);
            }

            if (quote is not null)
            {
                quotes.Add(quote);
                previous = quote.SpeakerText is null ? null : quote;
                previousSpan = span;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
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

    /// <summary>A quote opening its sentence right after a quoted sentence of the same paragraph continues it.</summary>
    private static bool Continues(TokenizedText text, QuoteSpan previous, QuoteSpan span)
    {
        var opensSentence = text.SentenceFirstToken[span.StartSentence] == span.OpenToken;
        var adjacent = span.StartSentence - previous.EndSentence is 0 or 1;
        var sameParagraph = text.Paragraph[previous.EndSentence] == text.Paragraph[span.StartSentence];

        // A quote running over paragraphs: left open at one paragraph's end, reopened at the next's start;
        // or a paragraph that is only a quote, right after a paragraph that ended with the speaker's quote.
        var runsOver = span.StartSentence - previous.EndSentence == 1
            && (previous.CloseToken < 0 || QuoteOnlyParagraph(text, span));
        return opensSentence && adjacent && (sameParagraph || runsOver);
    }

    /// <summary>Whether the quote runs to the end of its paragraph (it opens the paragraph when it continues one before).</summary>
    private static bool QuoteOnlyParagraph(TokenizedText text, QuoteSpan span)
    {
        var s = span.EndSentence;
        var last = s + 1 < text.Sentences.Count && text.Paragraph[s + 1] == text.Paragraph[s] ? -1 : text.SentenceEndToken[s] - 1;
        return last >= 0 && span.LastToken >= last - 1;
    }

    private static QuoteInfo Build(QuoteSpan span, string content, string cue, Speaker? speaker) =>
        new(span.ContentStart, span.ContentEnd, content, cue, speaker?.Key, speaker?.Text,
            speaker?.Start ?? -1, speaker?.End ?? -1, Direct: true, span.StartSentence);

    private static int CountWords(string content) =>
        content.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;
}
