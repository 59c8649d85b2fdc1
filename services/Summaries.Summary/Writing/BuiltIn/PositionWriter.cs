using Summaries.Summary.Facts;
using Summaries.Summary.Text;

namespace Summaries.Summary.Writing.BuiltIn;

/// <summary>
/// The built-in writer's party sections: each planned party's position in its own attributed words,
/// balance first (everyone heard once before anyone twice). Apart from the writer so that the lead
/// (what happened) and the positions (who says what) can each be read on their own.
/// </summary>
public sealed class PositionWriter(SentenceRenderer renderer)
{
    /// <summary>Words a position's sentence may carry besides the party's direct quote before the quote is attributed on its own.</summary>
    public const int CompactQuoteBesides = 12;

    /// <summary>
    /// The positions of <paramref name="parties"/> (most salient first) in at most
    /// <paramref name="budget"/> sentences: each party gets a sentence where one can be written, then
    /// the party heard least so far gets one more. <paramref name="heard"/> holds sentences the lead
    /// already gave them.
    /// </summary>
    public IEnumerable<DraftSection> Write(
        FactSheet sheet, List<FactEntity> parties, int budget, HashSet<string> used, Dictionary<string, List<DraftSentence>> heard)
    {
        // Every party gets one sentence before anyone gets a second: balance first.
        var perParty = parties.ToDictionary(
            p => p.Key, p => heard.TryGetValue(p.Key, out var lead) ? lead : [], StringComparer.Ordinal);
        var candidates = parties.ToDictionary(p => p.Key, p => QuoteCandidates(sheet, p.Key), StringComparer.Ordinal);
        var written = 0;
        while (written < budget)
        {
            // The party heard least so far (the most salient on a tie) gets one more sentence.
            var party = parties.Where(p => candidates[p.Key].Count > 0).OrderBy(p => perParty[p.Key].Count).FirstOrDefault();
            if (party is null)
            {
                break;
            }

            // Each try takes at least one candidate off the party's list, so this ends.
            if (NextQuoteSentence(sheet, candidates[party.Key], used) is { } sentence)
            {
                perParty[party.Key].Add(sentence);
                written++;
            }
        }

        foreach (var party in parties.Where(p => perParty[p.Key].Count > 0))
        {
            yield return new DraftSection(DraftSectionKind.Position, $"Position of {party.DisplayName}", party.Key, perParty[party.Key]);
        }
    }

    /// <summary>
    /// The party's next sentence: its first candidate from a source nothing was taken from yet (so
    /// more sources are heard within the length), else its first candidate.
    /// </summary>
    private DraftSentence? NextQuoteSentence(FactSheet sheet, List<FactQuote> queue, HashSet<string> used)
    {
        var covered = used.Select(id => sheet.FindFact(id)?.ArticleName).ToHashSet(StringComparer.Ordinal);
        foreach (var fresh in (bool[])[true, false])
        {
            for (var i = 0; i < queue.Count; i++)
            {
                var quote = queue[i];
                if (fresh && covered.Contains(sheet.FindFact(quote.FactId)?.ArticleName))
                {
                    continue;
                }

                queue.RemoveAt(i--);
                if (used.Contains(quote.FactId) || RenderQuote(sheet, quote, compact: true) is not { } sentence)
                {
                    continue;
                }

                used.Add(quote.FactId);
                return sentence;
            }
        }

        return null;
    }

    /// <summary>
    /// The quote's sentence with its speaker named, or the quote attributed explicitly; null when neither
    /// can be written. <paramref name="compact"/> (a party's position, where its own words are the point):
    /// a direct quote whose sentence says much else besides (often a photo caption run into it) is
    /// attributed on its own.
    /// </summary>
    public DraftSentence? RenderQuote(FactSheet sheet, FactQuote quote, bool compact = false)
    {
        var fact = sheet.FindFact(quote.FactId)!;
        var text = renderer.Render(fact, sheet, quote);
        if (quote.SpeakerStart < 0 || OtherSpeakersIn(sheet, fact.Id, quote.SpeakerKey)
            || (compact && IsStatement(quote) && WordCount.Of(fact.Text) - WordCount.Of(quote.Text) > CompactQuoteBesides))
        {
            // The sentence does not name this speaker (or names another one too), or says much else
            // besides the quote: say who said it, in the party's own words.
            text = quote.Direct ? renderer.RenderAttributedQuote(quote, sheet) : null;
        }

        return text is null ? null : new DraftSentence(text, [fact.Id], quote.SpeakerKey);
    }

    /// <summary>
    /// A direct quote that can stand on its own: it opens like a sentence and runs to a few words. A
    /// fragment ("a ‘beautification’ project", "that he ‘might want to …’") means something only in
    /// its sentence, and attributed on its own it would put words in the speaker's mouth.
    /// </summary>
    private static bool IsStatement(FactQuote quote)
    {
        var words = quote.Text.TrimStart(' ', '“', '"', '‘', '\'');
        return quote.Direct && words.Length > 0 && char.IsUpper(words[0]) && WordCount.Of(words) >= 5;
    }

    private static bool OtherSpeakersIn(FactSheet sheet, string factId, string speakerKey) =>
        sheet.QuotesIn(factId).Any(q => q.SpeakerKey != speakerKey);

    private static List<FactQuote> QuoteCandidates(FactSheet sheet, string speakerKey)
    {
        var order = sheet.Facts.Select((f, i) => (f.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return new List<FactQuote>(sheet.Quotes
            .Where(q => q.SpeakerKey == speakerKey && sheet.FindFact(q.FactId)?.Kind == FactKind.Narrative)
            .OrderByDescending(q => q.SpeakerStart >= 0)
            .ThenBy(q => order[q.FactId])
            .ThenByDescending(q => q.Direct));
    }
}
