namespace Summaries.Language.Segmentation;

/// <summary>Character tests shared by the splitter, the tokenizer and the quote finder.</summary>
internal static class CharClasses
{
    public static bool IsSentenceTerminal(char c) => c is '.' or '!' or '?' or '…';

    /// <summary>Marks that may follow a sentence's final punctuation and still belong to it (.” .’ .) ).</summary>
    public static bool IsTrailingCloser(char c) => c is '"' or '\'' or '”' or '’' or '»' or ')' or ']' or '›';

    public static bool IsQuoteMark(char c) => c is '"' or '\'' or '“' or '”' or '‘' or '’' or '„' or '«' or '»' or '‹' or '›' or '`';

    public static bool IsDoubleQuoteMark(char c) => c is '"' or '“' or '”' or '„' or '«' or '»';

    public static bool IsApostrophe(char c) => c is '\'' or '’';

    public static bool IsDash(char c) => c is '—' or '–' or '―' or '‒';

    public static bool IsHyphen(char c) => c is '-' or '‐' or '‑';

    public static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark;

    /// <summary>Whether a quote mark standing here opens something: it follows a space, a bracket, a dash or another opener.</summary>
    public static bool OpensAt(string text, int index) =>
        index == 0 || char.IsWhiteSpace(text[index - 1]) || text[index - 1] is '(' or '[' or '{' or '/' or '“' or '‘' or '"' or '\''
            || IsDash(text[index - 1]) || IsHyphen(text[index - 1]);

    /// <summary>Whether a quote mark ending at <paramref name="end"/> closes: a space, punctuation or the end follows.</summary>
    public static bool ClosesAt(string text, int end) =>
        end >= text.Length || char.IsWhiteSpace(text[end]) || char.IsPunctuation(text[end]) || char.IsSymbol(text[end]);
}
