using Summaries.Language.Recognition;

namespace Summaries.Language.Resolution;

/// <summary>The clusters built so far and which cluster each mention belongs to.</summary>
internal sealed class ClusterState(IReadOnlyList<MentionCandidate> mentions)
{
    private readonly Dictionary<string, EntityCluster> byKey = new(StringComparer.Ordinal);

    public IReadOnlyList<MentionCandidate> Candidates { get; } = mentions;

    public List<EntityCluster> Clusters { get; } = [];

    public EntityCluster?[] ClusterOf { get; } = new EntityCluster?[mentions.Count];

    public EntityCluster Add(EntityCluster cluster)
    {
        Clusters.Add(cluster);
        return cluster;
    }

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
        var matches = Clusters.Where(c => c.Kind == EntityKind.Person && c.NameTokens.Count >= (fullOnly ? 2 : 1)
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
        Clusters.Remove(from);
        byKey.Remove(from.MergeKey);
    }
}
