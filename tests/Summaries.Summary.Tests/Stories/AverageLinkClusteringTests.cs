using Summaries.Summary.Stories;

namespace Summaries.Summary.Tests.Stories;

public sealed class AverageLinkClusteringTests
{
    private static List<IReadOnlyList<int>> Singletons(int n) => Enumerable.Range(0, n).Select(i => (IReadOnlyList<int>)[i]).ToList();

    [Fact]
    public void Cluster_Chain_MergesOnlyWhileTheAverageReachesTheThreshold()
    {
        // 0-1 and 1-2 alike, 0-2 not: single link would chain all three, average link stops.
        double[,] sim = { { 1, 0.9, 0.0 }, { 0.9, 1, 0.8 }, { 0.0, 0.8, 1 } };

        var groups = AverageLinkClustering.Cluster(3, (a, b) => sim[a, b], Singletons(3), 0.5);

        Assert.Equal([[0, 1], [2]], groups);
    }

    [Fact]
    public void Cluster_StartGroups_KeptTogetherEvenWhenUnlike()
    {
        var groups = AverageLinkClustering.Cluster(3, (_, _) => 0.0, [[0, 2], [1]], 0.5);

        Assert.Equal([[0, 2], [1]], groups);
    }

    [Fact]
    public void Cluster_Ties_GoToTheLowestIndices()
    {
        // 0-1 and 1-2 equally alike, 0-2 not: whichever pair merges first keeps the third out.
        double[,] sim = { { 1, 0.6, 0.0 }, { 0.6, 1, 0.6 }, { 0.0, 0.6, 1 } };

        var groups = AverageLinkClustering.Cluster(3, (a, b) => sim[a, b], Singletons(3), 0.5);

        Assert.Equal([[0, 1], [2]], groups);
    }
}
