using Summaries.Language.Lexicons;

namespace Summaries.Language.Segmentation;

/// <summary>
/// Splits news text into sentences. A sentence ends at . ! ? … (with any closing quotes or brackets
/// after them) when a space and a non-lowercase word follow, unless the period belongs to an
/// abbreviation or an initial. Lines matter: a blank line always ends a sentence, and so does a line
/// break unless the next line visibly continues the sentence (it starts lowercase after an
/// unpunctuated line and is not a headline), so headlines and photo captions stand alone; a headline
/// run into its story's dateline on one line ends before the dateline.
/// No sentence runs past <see cref="MaxSentenceChars"/>: a longer run (a list, a table, text with no
/// full stops) ends at the first space after that many characters, or, where there is no space for
/// as many again, between two characters that are neither letters nor digits. Every later step
/// works sentence by sentence, so this bounds the work between two looks at the cancellation token.
/// </summary>
internal sealed class SentenceSplitter(Lexicon lexicon)
{
    /// <summary>
    /// Longer than any sentence in the development corpora (news prose stays under 1,000 characters;
    /// the longest, 4,604, is several sentences run together without spaces), short enough that a
    /// step over one sentence takes milliseconds.
    /// </summary>
    public const int MaxSentenceChars = 5_000;

    public IReadOnlyList<SentenceSpan> Split(string text, CancellationToken cancellationToken = default)
    {
        var sentences = new List<SentenceSpan>();
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if ((i & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (start >= 0 && i - start >= MaxSentenceChars && CanCutAt(text, i, i - start >= 2 * MaxSentenceChars))
            {
                Add(sentences, text, start, i);
                start = -1;
            }

            var c = text[i];
            if (c == '\n')
            {
                if (start >= 0 && !NextLineContinues(text, i))
                {
                    Add(sentences, text, start, i);
                    start = -1;
                }

                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (start < 0)
            {
                start = i;
            }
            else if (char.IsWhiteSpace(text[i - 1]) && Headlines.IsDatelineAt(text, i) && Headlines.IsHeadline(text, start, i - 1))
            {
                // "Kmart Buying Sears in $11 Billion Deal NEW YORK (Reuters) - …": the story starts at its dateline.
                Add(sentences, text, start, i);
                start = i;
            }

            if (!CharClasses.IsSentenceTerminal(c))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && CharClasses.IsSentenceTerminal(text[end]))
            {
                end++;
            }

            while (end < text.Length && CharClasses.IsTrailingCloser(text[end]))
            {
                end++;
            }

            if ((end == text.Length || char.IsWhiteSpace(text[end])) && EndsSentence(text, i, end))
            {
                Add(sentences, text, start, end);
                start = -1;
            }

            i = end - 1;
        }

        if (start >= 0)
        {
            Add(sentences, text, start, text.Length);
        }

        return sentences;
    }

    /// <summary>A space; or, when <paramref name="anyBoundary"/>, a place between two characters the tokenizer does not put in words (never inside a surrogate pair).</summary>
    private static bool CanCutAt(string text, int i, bool anyBoundary) =>
        char.IsWhiteSpace(text[i])
        || (anyBoundary && !CharClasses.IsWordChar(text[i - 1]) && !CharClasses.IsWordChar(text[i]) && !char.IsLowSurrogate(text[i]));

    private static void Add(List<SentenceSpan> sentences, string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            sentences.Add(new SentenceSpan(sentences.Count, start, end));
        }
    }

    /// <summary>A hard-wrapped line: no blank line, no final punctuation, and the next line starts lowercase.</summary>
    private static bool NextLineContinues(string text, int newline)
    {
        var next = newline + 1;
        while (next < text.Length && char.IsWhiteSpace(text[next]))
        {
            if (text[next] == '\n')
            {
                return false;
            }

            next++;
        }

        if (next >= text.Length || !char.IsLower(text[next]))
        {
            return false;
        }

        var last = newline - 1;
        while (last >= 0 && char.IsWhiteSpace(text[last]))
        {
            last--;
        }

        return last >= 0 && !CharClasses.IsSentenceTerminal(text[last]) && !CharClasses.IsTrailingCloser(text[last])
            && !Headlines.IsHeadline(text, text.LastIndexOf('\n', last) + 1, last);
    }

    /// <summary>Decides a terminal cluster text[punct..end) followed by whitespace or the end of text.</summary>
    private bool EndsSentence(string text, int punct, int end)
    {
        var next = end;
        while (next < text.Length && char.IsWhiteSpace(text[next]) && text[next] != '\n')
        {
            next++;
        }

        if (next < text.Length && (char.IsLower(text[next]) || CharClasses.IsDash(text[next])))
        {
            // “Really?” he asked. / U.S. officials / “…we will win.” ― Jane Doe (a signature, not a new sentence)
            return false;
        }

        var singlePeriod = text[punct] == '.' && (punct + 1 == end || !CharClasses.IsSentenceTerminal(text[punct + 1]));
        if (!singlePeriod || next >= text.Length || text[next] == '\n')
        {
            return true;
        }

        var wordStart = punct;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text[wordStart..punct];
        if (word.Length == 0)
        {
            return true;
        }

        var key = LexiconKeys.Normalize(word);
        if (lexicon.NonFinalAbbreviations.Contains(key))
        {
            return false;
        }

        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            // An initial: "Donald J. Trump".
            return false;
        }

        if (word.Contains('.', StringComparison.Ordinal) || lexicon.MaybeFinalAbbreviations.Contains(key))
        {
            return StartsLikeSentence(text, next);
        }

        return true;
    }

    /// <summary>After "U.S." or "Inc.", only a usual opener ("The", "He", "Mr", a quote) starts a new sentence.</summary>
    private bool StartsLikeSentence(string text, int index)
    {
        if (CharClasses.IsQuoteMark(text[index]) || text[index] == '(')
        {
            return true;
        }

        var end = index;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        if (end == index)
        {
            return false;
        }

        var key = LexiconKeys.Normalize(text[index..end]);
        return lexicon.FunctionWords.Contains(key) || lexicon.Honorifics.Contains(key);
    }
}
