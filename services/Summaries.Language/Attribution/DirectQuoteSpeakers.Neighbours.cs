using Summaries.Language.Segmentation;

namespace Summaries.Language.Attribution;

/// <summary>
/// The attributions a quote takes from around it rather than from a cue of its own: the speaker of the
/// sentence or paragraph before, a signature line under it, or a transcript label inside it.
/// </summary>
internal sealed partial class DirectQuoteSpeakers
{
    private const int MaxLabelWords = 3;

    /// <summary>How long a lead before a carried quote may be: "Instead,", "Still, he added,", "In short,".</summary>
    private const int MaxLeadTokens = 3;

    /// <summary>
    /// Schiff said. “The other factor …” — a quote standing as a sentence of its own, right after a
    /// sentence whose speaker is known, goes on in that speaker's voice.
    /// </summary>
    private DirectAttribution? PreviousSentenceSpeaker(int sentence)
    {
        // The cue stays with its own sentence (its reported clause is still reported); the quote only borrows the speaker.
        var cue = cues.In(sentence).LastOrDefault(c => !insideQuote[c.FirstToken]);
        var speaker = cue is null ? null : speakers.Of(cue);
        return speaker is not null ? new DirectAttribution(null, speaker, string.Empty) : null;
    }

    /// <summary>
    /// Trump said. Instead, “he just acts like a defeated man.” — a quote after a short lead ending in a
    /// comma, in a sentence with no cue of its own, goes on in the voice of the sentence before.
    /// </summary>
    private bool AfterShortLead(QuoteSpan span)
    {
        var first = text.SentenceFirstToken[span.StartSentence];
        var lead = span.OpenToken - first;
        return lead is > 0 and <= MaxLeadTokens && text.IsPunctuation(span.OpenToken - 1, ',') && cues.In(span.StartSentence).Count == 0;
    }

    /// <summary>"“Great speech.”" then "-President Obama, tweeting": a line opening with a dash under a quote signs it.</summary>
    private DirectAttribution? SignatureLine(QuoteSpan span)
    {
        var next = span.EndSentence + 1;
        if (next >= text.Sentences.Count)
        {
            return null;
        }

        var dash = text.SentenceFirstToken[next];
        var isDash = text[dash].Kind == TokenKind.Dash || text.IsPunctuation(dash, '-');
        return isDash && text.IsCapitalized(dash + 1) && finder.After(dash) is { } signer
            ? new DirectAttribution(null, signer, text.Surface[dash])
            : null;
    }

    /// <summary>A quote that is its whole paragraph: it opens the paragraph and closes at its end.</summary>
    private bool FillsParagraph(QuoteSpan span)
    {
        var last = span.EndSentence;
        var paragraphEnds = last + 1 >= text.Sentences.Count || text.Paragraph[last + 1] != text.Paragraph[last];
        return span.CloseToken >= 0 && paragraphEnds && span.CloseToken >= text.SentenceEndToken[last] - 2;
    }

    /// <summary>"PENCE: Well, look, …": a transcript line inside the marks names its speaker before a colon.</summary>
    private Speaker? TranscriptLabel(QuoteSpan span)
    {
        var first = span.OpenToken + 1;
        for (var i = first; i < span.LastToken && i <= first + MaxLabelWords; i++)
        {
            if (text.IsPunctuation(i, ':'))
            {
                // An upper-case label or a person's name; "Missouri: Remember in November …" addresses a place.
                var last = i - 1;
                var person = mentions.At(last) is { Info.Kind: EntityKind.Person } mention && mention.FirstToken >= first ? mention : null;
                var upper = text.Slice(first, last).All(c => !char.IsLetter(c) || char.IsUpper(c));
                return i > first && (upper || person is not null)
                    ? new Speaker(first, last, text[first].Start, text[last].End, text.Slice(first, last), person?.Info.EntityKey)
                    : null;
            }

            if (!text.IsCapitalized(i))
            {
                return null;
            }
        }

        return null;
    }
}
