namespace Summaries.Evaluation.Briefings;

/// <summary>Agreement of a predicted grouping with the gold one: pairwise and B-cubed precision, recall, F1.</summary>
internal sealed record ClusterScores(
    double PairPrecision, double PairRecall, double PairF1,
    double BCubedPrecision, double BCubedRecall, double BCubedF1,
    int Predicted, int Gold)
{
    /// <param name="gold">Gold cluster of each item.</param>
    /// <param name="predicted">Predicted cluster of each item.</param>
    public static ClusterScores Of(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        var n = gold.Count;
        int both = 0, goldPairs = 0, predictedPairs = 0;
        double bPrecision = 0, bRecall = 0;
        for (var i = 0; i < n; i++)
        {
            int sameBoth = 0, sameGold = 0, samePredicted = 0;
            for (var j = 0; j < n; j++)
            {
                var g = gold[i] == gold[j];
                var p = predicted[i] == predicted[j];
                sameGold += g ? 1 : 0;
                samePredicted += p ? 1 : 0;
                sameBoth += g && p ? 1 : 0;
                if (j > i)
                {
                    goldPairs += g ? 1 : 0;
                    predictedPairs += p ? 1 : 0;
                    both += g && p ? 1 : 0;
                }
            }

            bPrecision += (double)sameBoth / samePredicted;
            bRecall += (double)sameBoth / sameGold;
        }

        var pp = predictedPairs == 0 ? 1 : (double)both / predictedPairs;
        var pr = goldPairs == 0 ? 1 : (double)both / goldPairs;
        var bp = n == 0 ? 1 : bPrecision / n;
        var br = n == 0 ? 1 : bRecall / n;
        return new ClusterScores(pp, pr, F1(pp, pr), bp, br, F1(bp, br),
            predicted.Distinct(StringComparer.Ordinal).Count(), gold.Distinct(StringComparer.Ordinal).Count());
    }

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}
