namespace Summaries.Evaluation.Faithfulness;

/// <summary>Confusion counts of supported/unsupported decisions, and the figures made from them.</summary>
internal sealed class LabelCounts
{
    public int SupportedRight { get; set; }
    public int SupportedWrong { get; set; }
    public int UnsupportedRight { get; set; }
    public int UnsupportedWrong { get; set; }

    public void Add(bool gold, bool predicted)
    {
        if (gold)
        {
            if (predicted) { SupportedRight++; } else { SupportedWrong++; }
        }
        else
        {
            if (!predicted) { UnsupportedRight++; } else { UnsupportedWrong++; }
        }
    }

    public int Total => SupportedRight + SupportedWrong + UnsupportedRight + UnsupportedWrong;

    public double SupportedRecall => Ratio(SupportedRight, SupportedRight + SupportedWrong);

    public double UnsupportedRecall => Ratio(UnsupportedRight, UnsupportedRight + UnsupportedWrong);

    /// <summary>Of the items called supported, the share that are.</summary>
    public double SupportedPrecision => Ratio(SupportedRight, SupportedRight + UnsupportedWrong);

    public double UnsupportedPrecision => Ratio(UnsupportedRight, UnsupportedRight + SupportedWrong);

    public double BalancedAccuracy => (SupportedRecall + UnsupportedRecall) / 2;

    private static double Ratio(int a, int b) => b == 0 ? 0 : a / (double)b;
}
