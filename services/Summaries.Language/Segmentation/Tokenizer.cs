using System.Collections.Immutable;
using Summaries.Language.Lexicons;

namespace Summaries.Language.Segmentation;

/// <summary>
/// Splits a sentence into tokens. Hyphenated words ("co-founder", "China-US") and dotted
/// abbreviations ("U.S.", "Mr.", "G.K.") stay whole; possessives and contractions split off
/// ("China’s" → "China" + "’s"); apostrophes inside names stay ("O’Brien"); every quotation mark
/// is its own token with the direction its glyph or its neighbours suggest.
/// </summary>
internal sealed class Tokenizer(Lexicon lexicon)
{
    private static readonly ImmutableArray<string> Clitics = ["s", "re", "ve", "ll", "d", "m"];

    private const int CheckEvery = 1 << 16;

    public void Tokenize(string text, SentenceSpan sentence, List<Token> tokens, CancellationToken cancellationToken = default)
    {
        var pos = sentence.Start;
        var end = sentence.End;
        var checkAt = pos + CheckEvery;
        while (pos < end)
        {
            // A "sentence" can be the whole text; the caller's deadline is checked within it too.
            if (pos >= checkAt)
            {
                cancellationToken.ThrowIfCancellationRequested();
                checkAt = pos + CheckEvery;
            }

            var c = text[pos];
            if (char.IsWhiteSpace(c))
            {
                pos++;
            }
            else if (CharClasses.IsWordChar(c) || (CharClasses.IsApostrophe(c) && pos + 1 < end && char.IsDigit(text[pos + 1])))
            {
                pos = ReadWord(text, pos, end, sentence.Index, tokens);
            }
            else if (CharClasses.IsQuoteMark(c))
            {
                pos = ReadQuote(text, pos, end, sentence.Index, tokens);
            }
            else if (CharClasses.IsDash(c) || (CharClasses.IsHyphen(c) && IsStandaloneHyphen(text, pos, end)))
            {
                var length = pos + 1 < end && text[pos + 1] == c ? 2 : 1;
                tokens.Add(new Token(pos, pos + length, TokenKind.Dash, sentence.Index));
                pos += length;
            }
            else
            {
                var length = 1;
                while (c == '.' && pos + length < end && text[pos + length] == '.')
                {
                    length++;
                }

                tokens.Add(new Token(pos, pos + length, TokenKind.Punctuation, sentence.Index));
                pos += length;
            }
        }
    }

    private static bool IsStandaloneHyphen(string text, int pos, int end) =>
        (pos + 1 < end && CharClasses.IsHyphen(text[pos + 1]))
        || ((pos == 0 || char.IsWhiteSpace(text[pos - 1])) && (pos + 1 >= end || char.IsWhiteSpace(text[pos + 1])));

    private int ReadWord(string text, int start, int end, int sentence, List<Token> tokens)
    {
        var pos = start + 1;
        var segmentStart = start;
        var cliticStart = -1;
        while (pos < end)
        {
            var c = text[pos];
            var hasNext = pos + 1 < end;
            if (CharClasses.IsWordChar(c))
            {
                pos++;
            }
            else if (CharClasses.IsHyphen(c) && hasNext && CharClasses.IsWordChar(text[pos + 1]))
            {
                pos++;
                segmentStart = pos;
            }
            else if (CharClasses.IsApostrophe(c) && hasNext && char.IsLetter(text[pos + 1]))
            {
                cliticStart = CliticAt(text, pos, end, start);
                if (cliticStart >= 0)
                {
                    break;
                }

                pos++;
            }
            else if (c == '.' && hasNext && char.IsLetter(text[pos + 1]) && char.IsLetter(text[pos - 1]) && pos - segmentStart <= 2)
            {
                // "U.S", "G.K", "a.m": short letter groups joined by periods.
                pos++;
                segmentStart = pos;
            }
            else if ((c == '.' || c == ',') && hasNext && char.IsDigit(text[pos - 1]) && char.IsDigit(text[pos + 1]))
            {
                pos++;
            }
            else if (c == '&' && hasNext && char.IsUpper(text[pos - 1]) && char.IsUpper(text[pos + 1]))
            {
                pos++;
            }
            else
            {
                break;
            }
        }

        var wordEnd = cliticStart >= 0 ? cliticStart : pos;
        if (cliticStart < 0 && wordEnd < end && text[wordEnd] == '.' && KeepsPeriod(text, start, wordEnd))
        {
            wordEnd++;
            pos = wordEnd;
        }

        var kind = char.IsDigit(text[start]) ? TokenKind.Number : TokenKind.Word;
        tokens.Add(new Token(start, wordEnd, kind, sentence));
        if (cliticStart < 0)
        {
            return pos;
        }

        var cliticEnd = cliticStart;
        while (cliticEnd < end && (char.IsLetter(text[cliticEnd]) || CharClasses.IsApostrophe(text[cliticEnd])))
        {
            cliticEnd++;
        }

        tokens.Add(new Token(cliticStart, cliticEnd, TokenKind.Clitic, sentence));
        return cliticEnd;
    }

    /// <summary>Where a clitic starts if the apostrophe at <paramref name="apostrophe"/> begins one ("’s", "n’t"), else -1.</summary>
    private static int CliticAt(string text, int apostrophe, int end, int wordStart)
    {
        var tail = apostrophe + 1;
        while (tail < end && char.IsLetter(text[tail]))
        {
            tail++;
        }

        var letters = text.AsSpan(apostrophe + 1, tail - apostrophe - 1);
        if (letters.Equals("t", StringComparison.OrdinalIgnoreCase) && apostrophe - wordStart >= 2
            && (text[apostrophe - 1] is 'n' or 'N'))
        {
            return apostrophe - 1;
        }

        foreach (var clitic in Clitics)
        {
            if (letters.Equals(clitic, StringComparison.OrdinalIgnoreCase))
            {
                return apostrophe;
            }
        }

        return -1;
    }

    /// <summary>The period belongs to the word for abbreviations, initials and dotted acronyms.</summary>
    private bool KeepsPeriod(string text, int start, int periodIndex)
    {
        var word = text.AsSpan(start, periodIndex - start);
        if (word.Contains('.'))
        {
            return true;
        }

        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true;
        }

        var key = LexiconKeys.Normalize(word.ToString());
        return lexicon.NonFinalAbbreviations.Contains(key) || lexicon.MaybeFinalAbbreviations.Contains(key);
    }

    private static int ReadQuote(string text, int pos, int end, int sentence, List<Token> tokens)
    {
        var c = text[pos];
        var length = 1;
        var isDouble = CharClasses.IsDoubleQuoteMark(c);
        if ((c == '\'' || c == '`') && pos + 1 < end && text[pos + 1] == c)
        {
            // '' and `` stand for double quotes in some newswire text.
            length = 2;
            isDouble = true;
        }

        var direction = c switch
        {
            '“' or '‘' or '„' or '«' or '‹' or '`' => QuoteDirection.Open,
            '”' or '’' or '»' or '›' => QuoteDirection.Close,
            _ => Contextual(text, pos, pos + length),
        };
        tokens.Add(new Token(pos, pos + length, TokenKind.Quote, sentence, direction, isDouble));
        return pos + length;
    }

    private static QuoteDirection Contextual(string text, int start, int end)
    {
        var opens = CharClasses.OpensAt(text, start);
        var closes = CharClasses.ClosesAt(text, end);
        return (opens, closes) switch
        {
            (true, false) => QuoteDirection.Open,
            (false, true) => QuoteDirection.Close,
            _ => QuoteDirection.Either,
        };
    }
}
