namespace Summaries.Language.Segmentation;

/// <summary>What a token is; names, roles and cues are decided later from its text.</summary>
internal enum TokenKind
{
    Word,
    Number,
    Punctuation,
    Dash,
    Quote,

    /// <summary>A possessive or contraction split off a word: "’s", "n’t", "’re".</summary>
    Clitic,
}

/// <summary>Which way a quotation mark faces, from its glyph or, for straight marks, its neighbours.</summary>
internal enum QuoteDirection
{
    None,
    Open,
    Close,
    Either,
}

/// <summary>One token: offsets into the text (end exclusive) and the sentence it belongs to.</summary>
internal readonly record struct Token(
    int Start,
    int End,
    TokenKind Kind,
    int Sentence,
    QuoteDirection Direction = QuoteDirection.None,
    bool IsDoubleQuote = false);
