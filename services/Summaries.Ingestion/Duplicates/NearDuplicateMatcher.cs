using Microsoft.Extensions.Options;
using Summaries.Ingestion.Options;

namespace Summaries.Ingestion.Duplicates;

/// <summary>A stored original that shares band keys with a new text.</summary>
public sealed record DuplicateCandidate(string Id, string DuplicateGroup, string CleanedBody);

/// <summary>The original a new article is a near-duplicate of.</summary>
public sealed record DuplicateMatch(string Id, string DuplicateGroup, double Similarity);

/// <summary>
/// Decides among the candidates the store found by band keys: the exact Jaccard similarity of the
/// shingles, recomputed from each candidate's cleaned body, must reach the threshold; the most
/// similar wins (the earliest on a tie, candidates being in store order).
/// </summary>
public sealed class NearDuplicateMatcher(IOptions<DuplicateOptions> options)
{
    public int MaxCandidates => options.Value.MaxCandidates;

    public bool Enabled => options.Value.Enabled;

    public DuplicateMatch? Match(TextFingerprint fingerprint, IEnumerable<DuplicateCandidate> candidates)
    {
        DuplicateMatch? best = null;
        foreach (var candidate in candidates)
        {
            var similarity = Shingles.Jaccard(fingerprint.Shingles, Shingles.Of(candidate.CleanedBody));
            if (similarity >= options.Value.Threshold && (best is null || similarity > best.Similarity))
            {
                best = new DuplicateMatch(candidate.Id, candidate.DuplicateGroup, similarity);
            }
        }

        return best;
    }
}
