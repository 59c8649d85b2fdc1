using Summaries.Language.Lexicons;

namespace Summaries.Language.Segmentation;

/// <summary>
/// A text with its sentences and tokens, plus per-token lookups every later stage needs:
/// the surface string, the normalised key, and each sentence's token range and paragraph.
/// </summary>
internal sealed class TokenizedText
{
    public TokenizedText(string text, IReadOnlyList<SentenceSpan> sentences, IReadOnlyList<Token> tokens)
    {
        Text = text;
        Sentences = sentences;
        Tokens = tokens;
        Surface = new string[tokens.Count];
        Keys = new string[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            Surface[i] = text[tokens[i].Start..tokens[i].End];
            Keys[i] = LexiconKeys.Normalize(Surface[i]);
        }

        SentenceFirstToken = new int[sentences.Count];
        SentenceEndToken = new int[sentences.Count];
        var t = 0;
        for (var s = 0; s < sentences.Count; s++)
        {
            while (t < tokens.Count && tokens[t].Sentence < s)
            {
                t++;
            }

            SentenceFirstToken[s] = t;
            var e = t;
            while (e < tokens.Count && tokens[e].Sentence == s)
            {
                e++;
            }

            SentenceEndToken[s] = e;
        }

        Paragraph = new int[sentences.Count];
        for (var s = 1; s < sentences.Count; s++)
        {
            var between = text.AsSpan(sentences[s - 1].End, sentences[s].Start - sentences[s - 1].End);
            Paragraph[s] = Paragraph[s - 1] + (between.Contains('\n') ? 1 : 0);
        }
    }

    public string Text { get; }

    public IReadOnlyList<SentenceSpan> Sentences { get; }

    public IReadOnlyList<Token> Tokens { get; }

    public int Count => Tokens.Count;

    /// <summary>Each token's text as written.</summary>
    public string[] Surface { get; }

    /// <summary>Each token's <see cref="LexiconKeys.Normalize"/> form.</summary>
    public string[] Keys { get; }

    public int[] SentenceFirstToken { get; }

    /// <summary>One past each sentence's last token.</summary>
    public int[] SentenceEndToken { get; }

    /// <summary>Paragraph number of each sentence; any line break between sentences starts a new one.</summary>
    public int[] Paragraph { get; }

    public Token this[int index] => Tokens[index];

    public bool IsWord(int i) => i >= 0 && i < Count && Tokens[i].Kind == TokenKind.Word;

    /// <summary>A word starting with an uppercase letter.</summary>
    public bool IsCapitalized(int i) => IsWord(i) && char.IsUpper(Surface[i][0]);

    public bool IsLowercaseWord(int i) => IsWord(i) && char.IsLower(Surface[i][0]);

    public bool Is(int i, string key) => i >= 0 && i < Count && string.Equals(Keys[i], key, StringComparison.Ordinal);

    public bool IsPunctuation(int i, char c) =>
        i >= 0 && i < Count && Tokens[i].Kind == TokenKind.Punctuation && Surface[i].Length == 1 && Surface[i][0] == c;

    /// <summary>The text from token <paramref name="first"/> to token <paramref name="last"/> inclusive.</summary>
    public string Slice(int first, int last) => Text[Tokens[first].Start..Tokens[last].End];

    /// <summary>
    /// Whether a word stands where any sentence may begin: first in its sentence or right after an
    /// opening quote, bracket, colon or dash.
    /// </summary>
    public bool IsClauseStart(int i)
    {
        var first = SentenceFirstToken[Tokens[i].Sentence];
        for (var j = i - 1; j >= first; j--)
        {
            var token = Tokens[j];
            if (token.Kind == TokenKind.Quote && token.Direction != QuoteDirection.Close)
            {
                return true;
            }

            if (token.Kind == TokenKind.Quote)
            {
                continue;
            }

            // A dash opens a clause too: "WASHINGTON (CNN) -- There is …", "— Instead, …".
            return token.Kind == TokenKind.Dash || (token.Kind == TokenKind.Punctuation && Surface[j] is "(" or "[" or ":" or "..." or "…");
        }

        return true;
    }
}
