using Summaries.Summary.Text;

namespace Summaries.Summary.Stories;

/// <summary>
/// Pairwise similarity of candidate articles, 0-1: shared entities weighted by rarity and shared
/// wording of title and lead (both cosines of IDF-weighted vectors over the candidate set), blended
/// by <see cref="StoryOptions.EntityWeight"/>, then lowered when the publish times lie far apart.
/// </summary>
public sealed class StorySimilarity
{
    private readonly StoryOptions _options;
    private readonly IReadOnlyList<StoryCandidate> _candidates;
    private readonly IReadOnlyList<SparseVector> _entities;
    private readonly IReadOnlyList<SparseVector> _words;

    public StorySimilarity(IReadOnlyList<StoryCandidate> candidates, StoryOptions options)
    {
        _options = options;
        _candidates = candidates;
        _entities = IdfWeighting.Vectors(candidates.Select(EntityBag).ToList(), options.IdfPriorDocuments, options.IdfCeilingRatio);
        _words = IdfWeighting.Vectors(candidates.Select(c => WordBag(c, options.LeadWords)).ToList(), options.IdfPriorDocuments, options.IdfCeilingRatio);
    }

    /// <summary>Similarity of the shared entities alone.</summary>
    public double Entities(int a, int b) => _entities[a].Cosine(_entities[b]);

    /// <summary>Similarity of the wording alone.</summary>
    public double Words(int a, int b) => _words[a].Cosine(_words[b]);

    /// <summary>The blended, time-weighted similarity.</summary>
    public double Of(int a, int b)
    {
        var w = _options.EntityWeight;
        var content = (w > 0 ? w * Entities(a, b) : 0) + (w < 1 ? (1 - w) * Words(a, b) : 0);
        return content * TimeFactor(_candidates[a].PublishTime, _candidates[b].PublishTime);
    }

    /// <summary>1 within the window or when either time is unknown; beyond it, halves every half-life.</summary>
    public double TimeFactor(DateTimeOffset? a, DateTimeOffset? b)
    {
        if (a is null || b is null)
        {
            return 1;
        }

        var apart = Math.Abs((a.Value - b.Value).TotalHours) - _options.TimeWindowHours;
        return apart <= 0 ? 1 : Math.Pow(0.5, apart / _options.TimeHalfLifeHours);
    }

    /// <summary>People, organisations and places, each weighted by how often the article names it.</summary>
    private static Dictionary<string, double> EntityBag(StoryCandidate c)
    {
        var bag = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var e in c.Entities.Where(e => e.TiesToEvent))
        {
            bag[e.Key] = bag.GetValueOrDefault(e.Key) + 1 + Math.Log(Math.Max(1, e.Mentions));
        }

        return bag;
    }

    /// <summary>Content words of the title and lead, with sublinear counts.</summary>
    private static Dictionary<string, double> WordBag(StoryCandidate c, int leadWords)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in ContentWords.Of(c.Title).Concat(ContentWords.Of(c.Body, leadWords)))
        {
            counts[word] = counts.GetValueOrDefault(word) + 1;
        }

        return counts.ToDictionary(kv => kv.Key, kv => 1 + Math.Log(kv.Value), StringComparer.Ordinal);
    }
}
