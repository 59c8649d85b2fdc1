using Summaries.Language.Segmentation;

namespace Summaries.Language.Attribution;

/// <summary>
/// The reported clause of a cue that no direct quote uses: what follows "X said (that)" up to the
/// sentence end or the next cue, or what precedes "…, X said." and "…, according to X." Clauses
/// that overlap a direct quote are left to the quote, so nothing is reported twice.
/// </summary>
internal sealed class ReportedSpeechFinder(TokenizedText text, bool[] insideQuote, CueIndex cues)
{
    private const int MinWords = 3;

    public QuoteInfo? Content(Cue cue, Speaker? speaker)
    {
        var first = text.SentenceFirstToken[cue.Sentence];
        var last = text.SentenceEndToken[cue.Sentence] - 1;
        while (last >= first && text[last].Kind is TokenKind.Punctuation or TokenKind.Quote or TokenKind.Dash)
        {
            last--;
        }

        var (start, end) = speaker is not null && speaker.FirstToken > cue.LastToken
            ? Inverted(cue, speaker, first, last)
            : Forward(cue, speaker, first, last);
        if (start < first || end > last || end < start || Words(start, end) < MinWords || OverlapsQuote(start, end))
        {
            return null;
        }

        var from = text[start].Start;
        var to = text[end].End;
        return new QuoteInfo(from, to, text.Text[from..to], cue.Text, speaker?.Key, speaker?.Text,
            speaker?.Start ?? -1, speaker?.End ?? -1, Direct: false, cue.Sentence);
    }

    /// <summary>"According to X, …" takes what follows X; "…, according to X" and "…, said X" take what precedes.</summary>
    private (int Start, int End) Inverted(Cue cue, Speaker speaker, int first, int last)
    {
        if (text.IsClauseStart(cue.FirstToken))
        {
            var start = speaker.LastToken + 1;
            return text.IsPunctuation(start, ',') ? (start + 1, last) : (start, last);
        }

        return (first, BeforeComma(cue.FirstToken - 1));
    }

    private (int Start, int End) Forward(Cue cue, Speaker? speaker, int first, int last)
    {
        var start = cue.LastToken + 1;
        if (start > last || text.IsPunctuation(start, ',') || text.IsPunctuation(start, '.'))
        {
            // "…, Mr Blinken said." / "Climate change, Mr. Obama often says, is …": the clause came first.
            var subject = speaker?.FirstToken ?? cue.FirstToken;
            return (first, BeforeComma(subject - 1));
        }

        for (var t = start; t <= last && t < start + 6; t++)
        {
            if (text.Is(t, "that"))
            {
                start = t + 1;
                break;
            }

            if (text[t].Kind is TokenKind.Punctuation or TokenKind.Quote)
            {
                break;
            }
        }

        var end = last;
        // A second cue sharing the subject ("said … and blamed …") ends this clause; one with its own
        // subject ("He notes that the commission announced …") is part of what was reported.
        var next = cues.In(cue.Sentence).FirstOrDefault(c => c.FirstToken > cue.LastToken);
        if (next is not null && IsCoordinated(next.FirstToken))
        {
            end = next.FirstToken - 1;
            while (end > start && (text.Is(end, "and") || text.Is(end, "but") || text[end].Kind == TokenKind.Punctuation))
            {
                end--;
            }
        }

        return (start, end);
    }

    private bool IsCoordinated(int cueFirst) =>
        text.Is(cueFirst - 1, "and") || text.Is(cueFirst - 1, "but") || text.IsPunctuation(cueFirst - 1, ',')
        || text.Keys[cueFirst].EndsWith("ing", StringComparison.Ordinal);

    private int BeforeComma(int k) => text.IsPunctuation(k, ',') ? k - 1 : k;

    private int Words(int start, int end)
    {
        var words = 0;
        for (var i = start; i <= end; i++)
        {
            words += text.IsWord(i) ? 1 : 0;
        }

        return words;
    }

    private bool OverlapsQuote(int start, int end)
    {
        for (var i = start; i <= end; i++)
        {
            if (insideQuote[i] || text[i].Kind == TokenKind.Quote)
            {
                return true;
            }
        }

        return false;
    }
}
