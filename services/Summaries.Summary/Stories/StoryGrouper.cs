namespace Summaries.Summary.Stories;

/// <summary>
/// Groups articles into stories: near-duplicates (same <see cref="StoryCandidate.DuplicateGroup"/>)
/// always together, then average-link clustering on <see cref="StorySimilarity"/> cut at
/// <see cref="StoryOptions.Threshold"/>. The output depends only on the candidates (not their
/// order): stories newest first, then by name.
/// </summary>
public sealed class StoryGrouper(StoryOptions options)
{
    private const int TopEntities = 5;

    public IReadOnlyList<Story> Group(IReadOnlyList<StoryCandidate> candidates)
    {
        var items = candidates
            .DistinctBy(c => c.ArticleName, StringComparer.Ordinal)
            .OrderBy(c => c.ArticleName, StringComparer.Ordinal)
            .ToList();
        var similarity = new StorySimilarity(items, options);
        var groups = AverageLinkClustering.Cluster(items.Count, similarity.Of, DuplicateGroups(items), options.Threshold);
        return groups
            .Select(g => ToStory(g, items, similarity))
            .OrderByDescending(s => s.End ?? DateTimeOffset.MinValue)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Starting groups: each near-duplicate group as one, every other article alone.</summary>
    private static List<IReadOnlyList<int>> DuplicateGroups(List<StoryCandidate> items) =>
        items
            .Select((c, i) => (Key: string.IsNullOrEmpty(c.DuplicateGroup) ? "\0" + c.ArticleName : c.DuplicateGroup, Index: i))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<int>)g.Select(x => x.Index).ToList())
            .OrderBy(g => g[0])
            .ToList();

    private static Story ToStory(List<int> group, List<StoryCandidate> items, StorySimilarity similarity)
    {
        var members = group.Select(i => items[i])
            .OrderBy(c => c.When ?? DateTimeOffset.MaxValue)
            .ThenBy(c => c.ArticleName, StringComparer.Ordinal)
            .ToList();
        var newestFirst = Enumerable.Reverse(members).Select(m => m.ArticleName);
        var times = members.Select(m => m.When).OfType<DateTimeOffset>().ToList();
        return new Story(
            StoryNames.For(newestFirst),
            members,
            Title(group, items, similarity),
            SharedEntities(members),
            times.Count > 0 ? times.Min() : null,
            times.Count > 0 ? times.Max() : null);
    }

    /// <summary>
    /// The title of the member most like the others; titles of three words or fewer ("News", an
    /// outlet's name) only when no member has a longer one.
    /// </summary>
    private static string Title(List<int> group, List<StoryCandidate> items, StorySimilarity similarity)
    {
        var ranked = group
            .Select(i => (Index: i, Centrality: group.Where(j => j != i).Sum(j => similarity.Of(i, j))))
            .OrderByDescending(x => WordCount(items[x.Index].Title) > 3)
            .ThenByDescending(x => x.Centrality)
            .ThenBy(x => x.Index)
            .ToList();
        return items[ranked[0].Index].Title.Trim();
    }

    private static int WordCount(string text) =>
        text.Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>Entities named by at least two members (by one, for a story of one), most shared and most salient first.</summary>
    private static List<StoryEntity> SharedEntities(List<StoryCandidate> members)
    {
        var minArticles = Math.Min(2, members.Count);
        return members
            .SelectMany(m => m.Entities.DistinctBy(e => e.Key, StringComparer.Ordinal))
            .Where(e => e.TiesToEvent)
            .GroupBy(e => e.Key, StringComparer.Ordinal)
            .Where(g => g.Count() >= minArticles)
            .OrderByDescending(g => g.Count())
            .ThenByDescending(g => g.Sum(e => e.Salience))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new StoryEntity(g.Key, g.First().DisplayName, g.Count()))
            // One name once: "Lycos" the company and "Lycos" mistaken for a place read as a repeat.
            .DistinctBy(e => e.DisplayName, StringComparer.OrdinalIgnoreCase)
            .Take(TopEntities)
            .ToList();
    }
}
