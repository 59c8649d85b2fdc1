using Summaries.Language.Segmentation;

namespace Summaries.Language.Attribution;

/// <summary>
/// Pairs quotation marks into direct quotes, paragraph by paragraph. Curly, straight, guillemet and
/// doubled-apostrophe marks are all handled; quotes inside a quote (‘China threat theory’, or curly
/// inside straight) belong to the outer one. A closing ’ only closes a single-quoted quote that is
/// open, so possessives (“countries’ leaders”) are not quotes. A quote left open at the end of a
/// paragraph ends there, as news style does for quotes that run over several paragraphs.
/// </summary>
internal sealed class DirectQuoteFinder
{
    public IReadOnlyList<QuoteSpan> Find(TokenizedText text)
    {
        var quotes = new List<QuoteSpan>();
        var s = 0;
        while (s < text.Sentences.Count)
        {
            var paragraphEnd = s;
            while (paragraphEnd + 1 < text.Sentences.Count && text.Paragraph[paragraphEnd + 1] == text.Paragraph[s])
            {
                paragraphEnd++;
            }

            FindInParagraph(text, text.SentenceFirstToken[s], text.SentenceEndToken[paragraphEnd], quotes);
            s = paragraphEnd + 1;
        }

        return quotes;
    }

    private static void FindInParagraph(TokenizedText text, int first, int end, List<QuoteSpan> quotes)
    {
        var open = -1;
        var nested = new Stack<int>();
        for (var i = first; i < end; i++)
        {
            var token = text[i];
            if (token.Kind != TokenKind.Quote)
            {
                continue;
            }

            if (open < 0)
            {
                if (Opens(text, i))
                {
                    open = i;
                }

                continue;
            }

            if (nested.Count > 0 && Closes(text, i) && Matches(text, nested.Peek(), i))
            {
                nested.Pop();
            }
            else if (Closes(text, i) && (Matches(text, open, i) || (nested.Count == 0 && text[i].IsDoubleQuote == text[open].IsDoubleQuote
                && text[i].Direction == QuoteDirection.Close)))
            {
                // Closing the outer quote also ends any inner quote left open by a stray mark.
                Add(text, quotes, open, i);
                open = -1;
                nested.Clear();
            }
            else if (Opens(text, i) && token.Direction != QuoteDirection.Close)
            {
                nested.Push(i);
            }
        }

        if (open >= 0)
        {
            AddUnclosed(text, quotes, open, end - 1);
        }
    }

    /// <summary>A mark that can open: an opening glyph, or any mark at the start of a word.</summary>
    private static bool Opens(TokenizedText text, int i)
    {
        var token = text[i];
        var atWordStart = CharClasses.OpensAt(text.Text, token.Start) && token.End < text.Text.Length && !char.IsWhiteSpace(text.Text[token.End]);
        return token.Direction switch
        {
            QuoteDirection.Open => true,
            QuoteDirection.Either => true,

            // ”Mr. Trump embodies…: a closing glyph used as an opener at a word start.
            QuoteDirection.Close => atWordStart && token.IsDoubleQuote,
            _ => false,
        };
    }

    /// <summary>A mark that can close: one a space or punctuation follows, or a closing glyph with a word glued on (“…voters!”After his rally).</summary>
    private static bool Closes(TokenizedText text, int i) =>
        text[i].Direction is QuoteDirection.Close or QuoteDirection.Either
        && (CharClasses.ClosesAt(text.Text, text[i].End) || (text[i].Direction == QuoteDirection.Close && text[i].IsDoubleQuote));

    /// <summary>Straight marks pair with straight marks, typographic with typographic.</summary>
    private static bool SameStyle(TokenizedText text, int a, int b) =>
        IsStraight(text.Text[text[a].Start]) == IsStraight(text.Text[text[b].Start]);

    private static bool Matches(TokenizedText text, int open, int close) =>
        text[open].IsDoubleQuote == text[close].IsDoubleQuote && SameStyle(text, open, close);

    private static bool IsStraight(char c) => c is '"' or '\'' or '`';

    private static void Add(TokenizedText text, List<QuoteSpan> quotes, int open, int close)
    {
        var (start, end) = Trim(text.Text, text[open].End, text[close].Start);
        if (end > start)
        {
            quotes.Add(new QuoteSpan(open, close, start, end, text[open].Sentence, text[close].Sentence) { LastToken = close });
        }
    }

    /// <summary>An unclosed quote counts only if it opened the paragraph or a sentence, not for a stray mark mid-sentence.</summary>
    private static void AddUnclosed(TokenizedText text, List<QuoteSpan> quotes, int open, int last)
    {
        if (!text.IsClauseStart(Math.Min(open + 1, last)) || last <= open)
        {
            return;
        }

        var (start, end) = Trim(text.Text, text[open].End, text[last].End);
        if (end > start)
        {
            quotes.Add(new QuoteSpan(open, -1, start, end, text[open].Sentence, text[last].Sentence) { LastToken = last });
        }
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }
}
