
namespace Summaries.Summary.Writing;

/// <summary>
/// Holds a draft to its length's sentence budget, whoever wrote it: context goes first (last
/// sentence first), then what-happened sentences past the first, then parties' second sentences
/// (the last party's first), then the last parties' positions (the balance report lists them as
/// left out of the text). The lead keeps its first sentence and the first party its position.
/// </summary>
public static class DraftBudget
{
    /// <summary>The draft within <paramref name="budget"/> sentences, and how many sentences were left out.</summary>
    public static (BriefingDraft Draft, int Dropped) Trim(BriefingDraft draft, int budget)
    {
        var over = draft.SentenceCount - budget;
        if (over <= 0)
        {
            return (draft, 0);
        }

        var sections = draft.Sections.Select(s => s.Sentences.ToList()).ToList();
        var dropped = 0;
        foreach (var (kind, keep) in ((DraftSectionKind, int)[])[(DraftSectionKind.Context, 0), (DraftSectionKind.WhatHappened, 1), (DraftSectionKind.Position, 1)])
        {
            for (var i = sections.Count - 1; i >= 0 && dropped < over; i--)
            {
                while (draft.Sections[i].Kind == kind && sections[i].Count > keep && dropped < over)
                {
                    sections[i].RemoveAt(sections[i].Count - 1);
                    dropped++;
                }
            }
        }

        var firstPosition = draft.Sections.ToList().FindIndex(s => s.Kind == DraftSectionKind.Position);
        for (var i = sections.Count - 1; i > firstPosition && dropped < over; i--)
        {
            if (draft.Sections[i].Kind == DraftSectionKind.Position && sections[i].Count > 0)
            {
                dropped += sections[i].Count;
                sections[i].Clear();
            }
        }

        var trimmed = draft.Sections.Select((s, i) => s with { Sentences = sections[i] }).Where(s => s.Sentences.Count > 0).ToList();
        return (draft with { Sections = trimmed }, dropped);
    }
}
