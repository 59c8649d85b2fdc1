using Summaries.Language.Recognition;

namespace Summaries.Language.Resolution;

/// <summary>
/// The clusters built so far and which cluster each mention belongs to. People are also indexed by
/// their first and last name word and by merge key, so finding one costs the clusters that share the
/// word, not all clusters: a text naming thousands of people used to take seconds per thousand.
/// </summary>
internal sealed class ClusterState(IReadOnlyList<MentionCandidate> mentions)
{
    private readonly Dictionary<string, EntityCluster> byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<EntityCluster>> byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<EntityCluster>> byLastWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<EntityCluster>> byMergeKey = new(StringComparer.Ordinal);
    private int added;

    public IReadOnlyList<MentionCandidate> Candidates { get; } = mentions;

    public List<EntityCluster> Clusters { get; } = [];

    public EntityCluster?[] ClusterOf { get; } = new EntityCluster?[mentions.Count];

    public EntityCluster Add(EntityCluster cluster)
    {
        cluster.Sequence = added++;
        Clusters.Add(cluster);
        Listed(byMergeKey, cluster.MergeKey).Add(cluster);
        IndexName(cluster);
        return cluster;
    }

    /// <summary>Gives a person a fuller name, indexed under its words.</summary>
    public void Rename(EntityCluster cluster, IReadOnlyList<string> name)
    {
        cluster.NameTokens = name;
        IndexName(cluster);
    }

    /// <summary>The first person cluster listed with this merge key.</summary>
    public EntityCluster? PersonByMergeKey(string key) =>
        People(byMergeKey, key).FirstOrDefault();

    /// <summary>The first person cluster listed whose name has the same first and last word.</summary>
    public EntityCluster? PersonWithFullName(IReadOnlyList<string> name) =>
        name.Count < 2 ? null : People(byLastWord, name[^1]).FirstOrDefault(c => PersonNames.SameFullName(c.NameTokens, name));

    public void Assign(int mention, EntityCluster cluster)
    {
        ClusterOf[mention] = cluster;
        cluster.Mentions.Add(mention);
        if (Candidates[mention].Evidence > cluster.Evidence)
        {
            cluster.Evidence = Candidates[mention].Evidence;
            if (cluster.Kind != EntityKind.Person)
            {
                cluster.Kind = Candidates[mention].Kind;
            }
        }
    }

    /// <summary>The place/organisation cluster for a name key, created on first use.</summary>
    public EntityCluster ByKey(EntityKind kind, string key)
    {
        if (!byKey.TryGetValue(key, out var cluster))
        {
            cluster = Add(new EntityCluster(kind, key));
            byKey[key] = cluster;
        }

        return cluster;
    }

    public EntityCluster? Find(string key) => byKey.GetValueOrDefault(key);

    /// <summary>
    /// The person whose last (or first) name word is <paramref name="word"/>; the fullest name wins, and
    /// among equals the one mentioned most recently before <paramref name="position"/>.
    /// </summary>
    public EntityCluster? Match(string word, int position, bool byLastName, bool fullOnly)
    {
        var matches = People(byLastName ? byLastWord : byFirstWord, word).Where(c => c.NameTokens.Count >= (fullOnly ? 2 : 1)
            && string.Equals(byLastName ? c.NameTokens[^1] : c.NameTokens[0], word, StringComparison.Ordinal)).ToList();
        if (matches.Count <= 1)
        {
            return matches.FirstOrDefault();
        }

        var fullest = matches.Max(c => c.NameTokens.Count);
        return Nearest(matches.Where(c => c.NameTokens.Count == fullest).ToList(), position);
    }

    /// <summary>The cluster with the latest mention before <paramref name="position"/>, else the first listed.</summary>
    public EntityCluster Nearest(IReadOnlyList<EntityCluster> clusters, int position)
    {
        EntityCluster? best = null;
        var bestStart = -1;
        foreach (var cluster in clusters)
        {
            foreach (var m in cluster.Mentions)
            {
                var start = Candidates[m].Start;
                if (start < position && start > bestStart)
                {
                    bestStart = start;
                    best = cluster;
                }
            }
        }

        return best ?? clusters[0];
    }

    /// <summary>Moves every mention of <paramref name="from"/> into <paramref name="into"/>.</summary>
    public void Merge(EntityCluster from, EntityCluster into)
    {
        foreach (var m in from.Mentions)
        {
            ClusterOf[m] = into;
            into.Mentions.Add(m);
        }

        into.Roles.AddRange(from.Roles);
        from.Mentions.Clear();
        from.Removed = true;
        Clusters.Remove(from);
        byKey.Remove(from.MergeKey);
    }

    private static List<EntityCluster> Listed(Dictionary<string, List<EntityCluster>> index, string word)
    {
        if (!index.TryGetValue(word, out var list))
        {
            list = [];
            index[word] = list;
        }

        return list;
    }

    /// <summary>The people listed under a word, in the clusters' order; an entry may be stale (merged, renamed), so callers check the name.</summary>
    private static IEnumerable<EntityCluster> People(Dictionary<string, List<EntityCluster>> index, string word) =>
        index.TryGetValue(word, out var list)
            ? list.Where(c => !c.Removed && c.Kind == EntityKind.Person).Distinct().OrderBy(c => c.Sequence)
            : [];

    private void IndexName(EntityCluster cluster)
    {
        if (cluster.NameTokens.Count > 0)
        {
            Listed(byFirstWord, cluster.NameTokens[0]).Add(cluster);
            Listed(byLastWord, cluster.NameTokens[^1]).Add(cluster);
        }
    }
}
