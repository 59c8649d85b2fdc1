using Summaries.Summary.Facts;
using Summaries.Summary.Writing;
using Summaries.Summary.Writing.BuiltIn;

namespace Summaries.Summary.Llm;

/// <summary>
/// Keeps the prompt small: the model sees the highest-ranked narrative facts (about half as many
/// as the briefing has sentences) plus the best quote of each party the <see cref="VoicePlan"/> has
/// room for, main voices first, not the whole article. The planned parties always stay in, so the
/// model can give each side its say within the length; the others are left to the balance report.
/// </summary>
public sealed class PromptFactSelector
{
    private readonly FactRanker _ranker = new();

    /// <summary>
    /// The selection for a briefing of the requested size, shrunk (fewer narrative facts, then one
    /// fact per article) until <paramref name="fits"/> accepts it; quoted parties always stay.
    /// </summary>
    public async Task<FactSheet> SelectAsync(
        FactSheet sheet, WritingRequest request, Func<FactSheet, CancellationToken, Task<bool>> fits, CancellationToken cancellationToken)
    {
        // About half the briefing's length in narrative facts: the quotes of each party fill the rest.
        var plan = VoicePlan.For(sheet, request);
        for (var take = (request.TargetSentences + 1) / 2; take >= 0; take--)
        {
            var candidate = Select(sheet, plan, take);
            if (await fits(candidate, cancellationToken))
            {
                return candidate;
            }
        }

        return Select(sheet, plan, 0);
    }

    public FactSheet Select(FactSheet sheet, WritingRequest request) => Select(sheet, VoicePlan.For(sheet, request), (request.TargetSentences + 1) / 2);

    private FactSheet Select(FactSheet sheet, VoicePlan plan, int narrativeFacts)
    {
        var narrative = sheet.Facts.Where(f => f.Kind == FactKind.Narrative).ToList();
        var quoteFacts = sheet.Quotes.Select(q => q.FactId).ToHashSet(StringComparer.Ordinal);
        var chosen = narrative
            .Where(f => !quoteFacts.Contains(f.Id))
            .OrderByDescending(f => _ranker.Score(f, sheet))
            .ThenBy(f => f.Position)
            .Take(narrativeFacts)
            .Select(f => f.Id)
            .ToHashSet(StringComparer.Ordinal);

        foreach (var party in plan.Heard)
        {
            var best = sheet.Quotes.Where(q => q.SpeakerKey == party.Key)
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
        // The model needs entity keys only for the parties it gives a position section, and roles
        // only of the people it names; other names are in the facts' text.
        var keys = sheet.Quotes.Where(q => chosen.Contains(q.FactId)).Select(q => q.SpeakerKey)
            .Concat(sheet.Entities.Where(e => e.Roles.Count > 0 && facts.Any(f => f.EntityKeys.Contains(e.Key))).Select(e => e.Key))
            .ToHashSet(StringComparer.Ordinal);
        // The planned parties first, in the plan's order: the prompt asks for their positions in it.
        var planned = plan.Heard.Select(p => p.Key).ToList();
        return new FactSheet(
            sheet.Articles,
            facts,
            sheet.Entities.Where(e => keys.Contains(e.Key))
                .OrderBy(e => planned.IndexOf(e.Key) is var i && i >= 0 ? i : planned.Count).ToList(),
            sheet.Quotes.Where(q => chosen.Contains(q.FactId)).ToList());
    }
}
