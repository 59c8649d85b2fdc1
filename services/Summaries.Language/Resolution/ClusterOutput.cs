using System.Globalization;
using Summaries.Language.Recognition;
using Summaries.Language.Segmentation;

namespace Summaries.Language.Resolution;

/// <summary>Turns clusters into keyed entities: keys by first appearance, display names, aliases, roles.</summary>
internal static class ClusterOutput
{
    /// <summary>The entities in order of first appearance; a text can hold tens of thousands, so it looks at the token every 1,024.</summary>
    public static ResolvedEntities Build(TokenizedText text, IReadOnlyList<MentionCandidate> candidates, ClusterState state, CancellationToken cancellationToken)
    {
        var ordered = state.Clusters
            .Where(c => c.Mentions.Count > 0)
            .Select(c => (Cluster: c, First: Math.Min(
                c.Mentions.Min(m => candidates[m].Start),
                c.References.Count > 0 ? c.References.Min(r => r.Start) : int.MaxValue)))
            .OrderBy(x => x.First)
            .Select(x => x.Cluster)
            .ToList();

        var entities = new List<ResolvedEntity>();
        var all = new List<ResolvedMention>();
        cancellationToken.ThrowIfCancellationRequested();
        for (var n = 0; n < ordered.Count; n++)
        {
            if (n % 1024 == 1023)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var cluster = ordered[n];
            var key = "e" + (n + 1).ToString(CultureInfo.InvariantCulture);
            var mentions = new List<ResolvedMention>();
            foreach (var m in cluster.Mentions)
            {
                var c = candidates[m];
                var info = new MentionInfo(c.Start, c.End, text.Text[c.Start..c.End], cluster.Kind, key, c.Sentence);
                mentions.Add(new ResolvedMention(info, c.FirstToken, c.LastToken, IsRoleReference: false));
            }

            foreach (var r in cluster.References)
            {
                var info = new MentionInfo(r.Start, r.End, text.Text[r.Start..r.End], EntityKind.Person, key, r.Sentence);
                mentions.Add(new ResolvedMention(info, r.FirstToken, r.LastToken, IsRoleReference: true));
            }

            mentions.Sort(ByPosition);
            var display = DisplayName(text, cluster, candidates);
            var aliases = mentions.Where(m => !m.IsRoleReference)
                .Select(m => m.Info.Text)
                .Where(t => !string.Equals(t, display, StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            var roles = cluster.Roles
                .OrderBy(r => r.Role.Start)
                .Select(r => r.Role)
                .DistinctBy(r => r.Text, StringComparer.OrdinalIgnoreCase)
                .ToList();
            entities.Add(new ResolvedEntity(key, display, cluster.Kind, aliases, roles, mentions));
            all.AddRange(mentions);
        }

        all.Sort(ByPosition);
        return new ResolvedEntities(entities, all);
    }

    private static int ByPosition(ResolvedMention a, ResolvedMention b) =>
        a.Info.Start != b.Info.Start ? a.Info.Start.CompareTo(b.Info.Start) : b.Info.End.CompareTo(a.Info.End);

    /// <summary>The fullest form: for people the name with the most words, otherwise the longest written form.</summary>
    private static string DisplayName(TokenizedText text, EntityCluster cluster, IReadOnlyList<MentionCandidate> candidates)
    {
        var best = cluster.Mentions
            .Select(m => candidates[m])
            .OrderByDescending(c => cluster.Kind == EntityKind.Person ? PersonNames.Fullness(text, c.FirstToken, c.LastToken) : 0)
            .ThenByDescending(c => c.End - c.Start)
            .ThenBy(c => c.Start)
            .First();
        return text.Text[best.Start..best.End];
    }
}
