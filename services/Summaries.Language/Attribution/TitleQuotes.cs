using System.Collections.Frozen;
using Summaries.Language.Segmentation;

namespace Summaries.Language.Attribution;

/// <summary>
/// Quotation marks around a title rather than words someone said: CBS's “Face the Nation,”, the
/// film “The Revenant.”, a section heading ‘All Bets Are Off.’. A title is short, mid-sentence or a
/// paragraph of its own, and in title case (every word capitalised
/// but the small ones). A capitalised phrase right after a cue (“called him “Lyin' Ted””) or a
/// sentence that opens with the quote (“Absolutely,” she said) stays a quote, unless a possessive
/// names the title's owner (MSNBC's “Morning Joe”).
/// </summary>
internal sealed class TitleQuotes(TokenizedText text, CueIndex cues)
{
    private const int MaxWords = 8;

    private const int CueReach = 3;

    private static readonly FrozenSet<string> SmallWords = FrozenSet.Create(
        StringComparer.Ordinal,
        "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "vs", "&", "is", "are");

    public bool IsTitle(QuoteSpan span)
    {
        if (span.CloseToken < 0 || span.StartSentence != span.EndSentence)
        {
            return false;
        }

        // A quote opening its sentence is speech (“Absolutely,” she said), unless it is the whole
        // paragraph: a section heading such as ‘Legend in the Coal Fields.’
        var sentence = span.StartSentence;
        var opensSentence = text.SentenceFirstToken[sentence] == span.OpenToken;
        var heading = opensSentence && span.CloseToken >= text.SentenceEndToken[sentence] - 2
            && (sentence == 0 || text.Paragraph[sentence - 1] != text.Paragraph[sentence])
            && (sentence + 1 == text.Sentences.Count || text.Paragraph[sentence + 1] != text.Paragraph[sentence]);
        if (opensSentence && !heading)
        {
            return false;
        }

        var words = 0;
        for (var i = span.OpenToken + 1; i < span.CloseToken; i++)
        {
            var kind = text[i].Kind;
            if (kind is TokenKind.Quote || (kind is TokenKind.Punctuation && text.Surface[i] is "?" or "!" or ";" or ":"))
            {
                return false;
            }

            if (kind is not (TokenKind.Word or TokenKind.Number))
            {
                continue;
            }

            words++;
            if (words > MaxWords || (!text.IsCapitalized(i) && kind == TokenKind.Word && (words == 1 || !SmallWords.Contains(text.Keys[i]))))
            {
                return false;
            }
        }

        // MSNBC's “Morning Joe”: a possessive before the marks names whose title it is.
        var possessive = text[span.OpenToken - 1].Kind == TokenKind.Clitic;
        return words >= 2 && (possessive || !CueJustBefore(span));
    }

    private bool CueJustBefore(QuoteSpan span)
    {
        foreach (var cue in cues.In(span.StartSentence))
        {
            if (cue.LastToken < span.OpenToken && span.OpenToken - cue.LastToken <= CueReach)
            {
                return true;
            }
        }

        return false;
    }
}
