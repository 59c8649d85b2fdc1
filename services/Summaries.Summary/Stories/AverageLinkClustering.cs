namespace Summaries.Summary.Stories;

/// <summary>
/// Average-link agglomerative clustering cut at a threshold: starting from given groups, the two
/// groups with the highest mean pairwise similarity merge while that mean reaches the threshold.
/// Ties go to the lowest indices, so the same input always gives the same groups.
/// O(n²) memory and O(n²) time per merge; callers bound n.
/// </summary>
public static class AverageLinkClustering
{
    /// <summary>Groups of item indices, each sorted, ordered by their first index.</summary>
    public static List<List<int>> Cluster(int count, Func<int, int, double> similarity, IReadOnlyList<IReadOnlyList<int>> startGroups, double threshold)
    {
        var groups = startGroups.Select(g => g.Order().ToList()).ToList();
        var n = groups.Count;
        var itemSim = new double[count, count];
        for (var a = 0; a < count; a++)
        {
            for (var b = a + 1; b < count; b++)
            {
                itemSim[a, b] = itemSim[b, a] = similarity(a, b);
            }
        }

        // Sum of pairwise similarities between groups; the mean divides by the pair count.
        var sums = new double[n, n];
        for (var g = 0; g < n; g++)
        {
            for (var h = g + 1; h < n; h++)
            {
                double sum = 0;
                foreach (var a in groups[g])
                {
                    foreach (var b in groups[h])
                    {
                        sum += itemSim[a, b];
                    }
                }

                sums[g, h] = sums[h, g] = sum;
            }
        }

        var alive = Enumerable.Repeat(true, n).ToArray();
        while (true)
        {
            int bestG = -1, bestH = -1;
            var best = threshold;
            for (var g = 0; g < n; g++)
            {
                if (!alive[g])
                {
                    continue;
                }

                for (var h = g + 1; h < n; h++)
                {
                    if (!alive[h])
                    {
                        continue;
                    }

                    var mean = sums[g, h] / ((double)groups[g].Count * groups[h].Count);
                    if (mean > best || (mean == best && bestG < 0))
                    {
                        (best, bestG, bestH) = (mean, g, h);
                    }
                }
            }

            if (bestG < 0)
            {
                break;
            }

            groups[bestG].AddRange(groups[bestH]);
            groups[bestG].Sort();
            alive[bestH] = false;
            for (var k = 0; k < n; k++)
            {
                if (alive[k] && k != bestG)
                {
                    sums[bestG, k] = sums[k, bestG] = sums[bestG, k] + sums[bestH, k];
                }
            }
        }

        return groups.Where((_, i) => alive[i]).OrderBy(g => g[0]).ToList();
    }
}
