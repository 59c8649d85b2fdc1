using Summaries.Entity.Annotation.Recognition;
using Summaries.Entity.Annotation.Segmentation;

namespace Summaries.Entity.Annotation.Tagging;

/// <summary>
/// One way to combine the two recognisers, measured by the evaluation tool (not wired into the
/// service). The model decides which names there are and their kinds: on CoNLL it is far more
/// precise than the rules. The rules contribute what the model cannot: the gazetteer group and
/// demonym place of a name both found (so "US" and "America" merge), lowercase government bodies
/// ("the foreign ministry"), and names inside hyphenated words ("China-US"), which replace a
/// model mention of the whole word.
/// </summary>
internal sealed class HybridMentionRecognizer(IMentionRecognizer rules, IMentionRecognizer model) : IMentionRecognizer
{
    public IReadOnlyList<MentionCandidate> Recognize(TokenizedText text)
    {
        var ruled = rules.Recognize(text);
        var tagged = model.Recognize(text);
        var result = new List<MentionCandidate>(ruled.Count + tagged.Count);
        var parts = ruled.Where(m => m.Source == MentionSource.CompoundPart).ToList();
        foreach (var mention in tagged)
        {
            if (parts.Any(p => p.Start < mention.End && mention.Start < p.End))
            {
                // "China-US": the names inside a hyphenated word say more than the word as one name.
                continue;
            }

            var same = ruled.FirstOrDefault(m => m.Start == mention.Start && m.End == mention.End && m.Source == MentionSource.Name);
            result.Add(same is null ? mention : mention with { Group = same.Group, Place = same.Place });
        }

        foreach (var rule in ruled)
        {
            // A government body may contain the place that qualifies it, as the rules emit it.
            var keep = rule.Source is MentionSource.GovernmentBody or MentionSource.CompoundPart;
            if (keep)
            {
                result.Add(rule);
            }
        }

        result.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return result;
    }
}
