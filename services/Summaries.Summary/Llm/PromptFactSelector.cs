using Summaries.Summary.Facts;
using Summaries.Summary.Writing;
using Summaries.Summary.Writing.BuiltIn;

namespace Summaries.Summary.Llm;

/// <summary>
/// Keeps the prompt small: the model sees the highest-ranked narrative facts (about as many as
/// the briefing has sentences) plus the best quote of every quoted party, not the whole article.
/// Every quoted party stays in, so the model can still give each side its say.
/// </summary>
public sealed class PromptFactSelector
{
    private readonly FactRanker _ranker = new();

    public FactSheet Select(FactSheet sheet, WritingRequest request)
    {
        var narrative = sheet.Facts.Where(f => f.Kind == FactKind.Narrative).ToList();
        var quoteFacts = sheet.Quotes.Select(q => q.FactId).ToHashSet(StringComparer.Ordinal);
        var chosen = narrative
            .Where(f => !quoteFacts.Contains(f.Id))
            .OrderByDescending(f => _ranker.Score(f, sheet))
            .ThenBy(f => f.Position)
            .Take(request.TargetSentences)
            .Select(f => f.Id)
            .ToHashSet(StringComparer.Ordinal);

        foreach (var party in sheet.Quotes.GroupBy(q => q.SpeakerKey))
        {
            var best = party
                .Where(q => sheet.FindFact(q.FactId)?.Kind == FactKind.Narrative)
                .OrderByDescending(q => q.Direct)
                .ThenByDescending(q => q.SpeakerStart >= 0)
                .ThenBy(q => sheet.FindFact(q.FactId)!.Position)
                .FirstOrDefault();
            if (best is not null)
            {
                chosen.Add(best.FactId);
            }
        }

        var facts = sheet.Facts.Where(f => chosen.Contains(f.Id)).ToList();
        var keys = facts.SelectMany(f => f.EntityKeys)
            .Concat(sheet.Quotes.Where(q => chosen.Contains(q.FactId)).Select(q => q.SpeakerKey))
            .ToHashSet(StringComparer.Ordinal);
        return new FactSheet(
            sheet.Articles,
            facts,
            sheet.Entities.Where(e => keys.Contains(e.Key)).ToList(),
            sheet.Quotes.Where(q => chosen.Contains(q.FactId)).ToList());
    }
}
