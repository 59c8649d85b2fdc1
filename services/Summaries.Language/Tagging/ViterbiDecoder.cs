namespace Summaries.Language.Tagging;

/// <summary>
/// Finds the best BILOU label sequence for a sentence under first-order transitions, allowing only
/// valid sequences (no I after O, every entity closed). Optionally also gives each token's margin:
/// how much worse the best sequence that labels it differently scores (max-marginals), used as a
/// confidence. Holds scratch buffers, so one decoder serves one thread.
/// </summary>
internal sealed class ViterbiDecoder
{
    private const int L = NerLabels.Count;

    private readonly int[][] previousLabels;
    private float[] alpha = new float[64 * L];
    private float[] beta = new float[64 * L];
    private int[] back = new int[64 * L];

    public ViterbiDecoder()
    {
        previousLabels = new int[L][];
        for (var y = 0; y < L; y++)
        {
            previousLabels[y] = Enumerable.Range(0, L).Where(p => NerLabels.CanFollow(p, y)).ToArray();
        }
    }

    /// <param name="unary">Per token, <see cref="NerLabels.Count"/> label scores.</param>
    /// <param name="transitions">(<see cref="NerLabels.Count"/> + 1) rows of label scores: row p is the score of following p; the last row is the start.</param>
    /// <param name="margins">If not empty, each token's confidence margin (≥ 0).</param>
    public void Decode(ReadOnlySpan<float> unary, int length, ReadOnlySpan<float> transitions, Span<int> labels, Span<float> margins)
    {
        if (length == 0)
        {
            return;
        }

        Ensure(length);
        for (var y = 0; y < L; y++)
        {
            alpha[y] = NerLabels.CanFollow(NerLabels.Start, y) ? unary[y] + transitions[(NerLabels.Start * L) + y] : float.NegativeInfinity;
        }

        for (var i = 1; i < length; i++)
        {
            var previous = (i - 1) * L;
            for (var y = 0; y < L; y++)
            {
                var best = float.NegativeInfinity;
                var bestPrevious = NerLabels.Outside;
                foreach (var p in previousLabels[y])
                {
                    var score = alpha[previous + p] + transitions[(p * L) + y];
                    if (score > best)
                    {
                        best = score;
                        bestPrevious = p;
                    }
                }

                alpha[(i * L) + y] = best + unary[(i * L) + y];
                back[(i * L) + y] = bestPrevious;
            }
        }

        var last = (length - 1) * L;
        var bestLast = NerLabels.Outside;
        for (var y = 0; y < L; y++)
        {
            if (NerLabels.CanEnd(y) && alpha[last + y] > alpha[last + bestLast])
            {
                bestLast = y;
            }
        }

        labels[length - 1] = bestLast;
        for (var i = length - 1; i > 0; i--)
        {
            labels[i - 1] = back[(i * L) + labels[i]];
        }

        if (!margins.IsEmpty)
        {
            Margins(unary, length, transitions, labels, margins);
        }
    }

    private void Margins(ReadOnlySpan<float> unary, int length, ReadOnlySpan<float> transitions, ReadOnlySpan<int> labels, Span<float> margins)
    {
        var last = (length - 1) * L;
        for (var y = 0; y < L; y++)
        {
            beta[last + y] = NerLabels.CanEnd(y) ? 0 : float.NegativeInfinity;
        }

        for (var i = length - 2; i >= 0; i--)
        {
            var next = (i + 1) * L;
            for (var p = 0; p < L; p++)
            {
                beta[(i * L) + p] = float.NegativeInfinity;
            }

            for (var y = 0; y < L; y++)
            {
                var ahead = unary[next + y] + beta[next + y];
                foreach (var p in previousLabels[y])
                {
                    var score = transitions[(p * L) + y] + ahead;
                    if (score > beta[(i * L) + p])
                    {
                        beta[(i * L) + p] = score;
                    }
                }
            }
        }

        for (var i = 0; i < length; i++)
        {
            var chosen = alpha[(i * L) + labels[i]] + beta[(i * L) + labels[i]];
            var rival = float.NegativeInfinity;
            for (var y = 0; y < L; y++)
            {
                if (y != labels[i])
                {
                    rival = Math.Max(rival, alpha[(i * L) + y] + beta[(i * L) + y]);
                }
            }

            margins[i] = float.IsNegativeInfinity(rival) ? float.MaxValue : chosen - rival;
        }
    }

    private void Ensure(int length)
    {
        if (alpha.Length < length * L)
        {
            alpha = new float[length * 2 * L];
            beta = new float[length * 2 * L];
            back = new int[length * 2 * L];
        }
    }
}
