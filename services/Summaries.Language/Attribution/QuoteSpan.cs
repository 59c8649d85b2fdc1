namespace Summaries.Language.Attribution;

/// <summary>
/// A direct quote: its opening mark token, closing mark token (-1 when the paragraph ended first),
/// the characters inside the marks (whitespace trimmed) and the sentences it starts and ends in.
/// </summary>
internal sealed record QuoteSpan(int OpenToken, int CloseToken, int ContentStart, int ContentEnd, int StartSentence, int EndSentence)
{
    /// <summary>The last token that belongs to the quote: the closing mark, or the paragraph's last token.</summary>
    public int LastToken { get; init; }
}
