using Summaries.Summary.Facts;
using Summaries.Summary.Neutrality;
using Summaries.Summary.Text;
using Summaries.Summary.Writing;

namespace Summaries.Summary.Balance;

/// <summary>
/// Measures who is heard: each quoted party's share of quotes and words in the sources and in
/// the briefing, whether the length left it out of the text, and the narrator's loaded words in
/// the sources that the briefing left out.
/// </summary>
public sealed class BalanceReporter(LoadedLexicon lexicon)
{
    public BalanceReport Report(BriefingDraft draft, FactSheet sheet)
    {
        var sourceQuotes = sheet.Quotes.GroupBy(q => q.SpeakerKey)
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Words: g.Sum(q => WordCount.Of(q.Text))), StringComparer.Ordinal);
        var briefingSentences = draft.Sections.SelectMany(s => s.Sentences).Where(s => s.SpeakerKey is not null)
            .GroupBy(s => s.SpeakerKey!)
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Words: g.Sum(s => WordCount.Of(s.Text))), StringComparer.Ordinal);

        var totalQuotes = Math.Max(1, sourceQuotes.Values.Sum(v => v.Count));
        var totalWords = Math.Max(1, sourceQuotes.Values.Sum(v => v.Words));
        var totalSentences = Math.Max(1, briefingSentences.Values.Sum(v => v.Count));
        var totalBriefingWords = Math.Max(1, briefingSentences.Values.Sum(v => v.Words));

        var heard = Heard(draft);
        var parties = new List<PartyBalance>();
        foreach (var (key, source) in sourceQuotes.OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var entity = sheet.FindEntity(key);
            var inBriefing = briefingSentences.GetValueOrDefault(key);
            parties.Add(new PartyBalance(
                Party: entity is null ? key : PublicNames.Of(entity),
                DisplayName: entity?.DisplayName ?? key,
                SourceQuotes: source.Count,
                SourceQuoteShare: Math.Round((double)source.Count / totalQuotes, 4),
                SourceWords: source.Words,
                SourceWordShare: Math.Round((double)source.Words / totalWords, 4),
                BriefingSentences: inBriefing.Count,
                BriefingSentenceShare: Math.Round((double)inBriefing.Count / totalSentences, 4),
                BriefingWords: inBriefing.Words,
                BriefingWordShare: Math.Round((double)inBriefing.Words / totalBriefingWords, 4),
                LeftOutOfText: !heard.Contains(key)));
        }

        var briefingText = string.Join("\n", draft.Sections.SelectMany(s => s.Sentences).Select(s => s.Text).Prepend(draft.Headline));
        var leftOut = new List<LoadedTermLeftOut>();
        var usedTerms = lexicon.FindOutsideQuotes(briefingText).Select(m => m.Term.Term).ToHashSet(StringComparer.Ordinal);
        foreach (var fact in sheet.Facts)
        {
            foreach (var m in lexicon.FindOutsideQuotes(fact.Text).Where(m => !usedTerms.Contains(m.Term.Term)))
            {
                leftOut.Add(new LoadedTermLeftOut(m.Term.Term, fact.ArticleName, fact.Start + m.Start, fact.Start + m.End));
            }
        }

        return new BalanceReport(parties, leftOut);
    }

    /// <summary>The parties of <paramref name="partyKeys"/> that the draft gives no attributed sentence.</summary>
    public static IReadOnlyList<string> MissingParties(BriefingDraft draft, IEnumerable<string> partyKeys)
    {
        var heard = Heard(draft);
        return partyKeys.Distinct(StringComparer.Ordinal).Where(k => !heard.Contains(k)).ToList();
    }

    private static HashSet<string> Heard(BriefingDraft draft) =>
        draft.Sections.SelectMany(s => s.Sentences).Select(s => s.SpeakerKey).OfType<string>()
            .Concat(draft.Sections.Select(s => s.PartyKey).OfType<string>())
            .ToHashSet(StringComparer.Ordinal);
}
