using Summaries.Language.Recognition;
using Summaries.Language.Segmentation;

namespace Summaries.Language.Tagging;

/// <summary>
/// How the service combines the two recognisers by default (<c>Entity:Recognizer = Hybrid</c>;
/// measured by the evaluation tool). The model decides which names there are and their kinds: on CoNLL it is far more
/// precise than the rules. The rules contribute what the model cannot: the gazetteer group and
/// demonym place of a name both found (so "US" and "America" merge), lowercase government bodies
/// ("the foreign ministry"), and names inside hyphenated words ("China-US"), which replace a
/// model mention of the whole word.
/// </summary>
internal sealed class HybridMentionRecognizer(IMentionRecognizer rules, IMentionRecognizer model) : IMentionRecognizer
{
    public IReadOnlyList<MentionCandidate> Recognize(TokenizedText text, CancellationToken cancellationToken = default)
    {
        var ruled = rules.Recognize(text, cancellationToken);
        var tagged = model.Recognize(text, cancellationToken);
        var result = new List<MentionCandidate>(ruled.Count + tagged.Count);
        // Lookups by span, not scans: a hostile text with 100,000 names must not cost 10^10 comparisons.
        var parts = new SpanIndex(ruled.Where(m => m.Source == MentionSource.CompoundPart));
        var names = new Dictionary<(int Start, int End), MentionCandidate>();
        foreach (var m in ruled)
        {
            if (m.Source == MentionSource.Name)
            {
                names.TryAdd((m.Start, m.End), m);
            }
        }

        foreach (var mention in tagged)
        {
            if (parts.Overlaps(mention.Start, mention.End))
            {
                // "China-US": the names inside a hyphenated word say more than the word as one name.
                continue;
            }

            result.Add(names.TryGetValue((mention.Start, mention.End), out var same)
                ? mention with { Group = same.Group, Place = same.Place }
                : mention);
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

    /// <summary>Character spans sorted by start, with the furthest end so far: "does any span overlap [start, end)?" in O(log n).</summary>
    private sealed class SpanIndex
    {
        private readonly int[] starts;
        private readonly int[] furthestEnds;

        public SpanIndex(IEnumerable<MentionCandidate> spans)
        {
            var sorted = spans.OrderBy(s => s.Start).ToArray();
            starts = sorted.Select(s => s.Start).ToArray();
            furthestEnds = new int[sorted.Length];
            for (var i = 0; i < sorted.Length; i++)
            {
                furthestEnds[i] = Math.Max(sorted[i].End, i > 0 ? furthestEnds[i - 1] : int.MinValue);
            }
        }

        public bool Overlaps(int start, int end)
        {
            // Spans [0, count) start before `end`; one of them overlaps exactly when the furthest end passes `start`.
            int count = 0, high = starts.Length;
            while (count < high)
            {
                var middle = (count + high) >>> 1;
                if (starts[middle] < end)
                {
                    count = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return count > 0 && furthestEnds[count - 1] > start;
        }
    }
}
