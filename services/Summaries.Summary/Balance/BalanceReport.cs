namespace Summaries.Summary.Balance;

/// <summary>Who is heard in a briefing against its sources, and the loaded words it left out.</summary>
public sealed record BalanceReport(IReadOnlyList<PartyBalance> Parties, IReadOnlyList<LoadedTermLeftOut> LoadedTermsLeftOut);

/// <summary>
/// One quoted party: its share of the sources' quotes and quoted words, its share of the
/// briefing's attributed sentences and words (shares rounded to 4 places), and whether the
/// briefing's length left it out of the text.
/// </summary>
public sealed record PartyBalance(
    string Party,
    string DisplayName,
    int SourceQuotes,
    double SourceQuoteShare,
    int SourceWords,
    double SourceWordShare,
    int BriefingSentences,
    double BriefingSentenceShare,
    int BriefingWords,
    double BriefingWordShare,
    bool LeftOutOfText);

/// <summary>A narrator's loaded word in a source (article offsets) that the briefing does not use.</summary>
public sealed record LoadedTermLeftOut(string Term, string ArticleName, int Start, int End);
