using Summaries.Language.Tagging;

namespace Summaries.Language.Tests.Tagging;

public sealed class DecodingTests
{
    private const int L = NerLabels.Count;

    [Fact]
    public void Decode_UnaryScoresFavourAnInvalidSequence_GivesAValidOne()
    {
        // Alone, each token would take I-PER; no valid sequence starts with I or ends open.
        var unary = new float[3 * L];
        for (var i = 0; i < 3; i++)
        {
            unary[(i * L) + NerLabels.Label(0, NerLabels.Inside)] = 5;
        }

        var labels = new int[3];
        var margins = new float[3];
        new ViterbiDecoder().Decode(unary, 3, new float[(L + 1) * L], labels, margins);

        Assert.Equal([NerLabels.Label(0, NerLabels.Begin), NerLabels.Label(0, NerLabels.Inside), NerLabels.Label(0, NerLabels.Last)], labels);
        Assert.All(margins, m => Assert.True(m >= 0));
    }

    [Fact]
    public void Decode_ClearWinner_HasTheMarginOfItsScoreGap()
    {
        var unary = new float[L];
        unary[NerLabels.Label(2, NerLabels.Unit)] = 3;
        unary[NerLabels.Outside] = 1;
        var labels = new int[1];
        var margins = new float[1];

        new ViterbiDecoder().Decode(unary, 1, new float[(L + 1) * L], labels, margins);

        Assert.Equal(NerLabels.Label(2, NerLabels.Unit), labels[0]);
        Assert.Equal(2, margins[0], 4);
    }

    [Fact]
    public void Quantize_Weights_ScoreLikeTheFloatsLessTheOutsideLabel()
    {
        var random = new Random(7);
        ulong[] features = [11, 22, 33];
        var weights = Enumerable.Range(0, features.Length * L).Select(_ => (float)((random.NextDouble() * 4) - 2)).ToArray();

        var quantized = FeatureWeights.Quantize(features, weights);
        var scores = new float[L];
        quantized.Score([11, 33, 44], scores);

        for (var y = 0; y < NerLabels.EntityLabels; y++)
        {
            var expected = weights[y] - weights[NerLabels.Outside] + weights[(2 * L) + y] - weights[(2 * L) + NerLabels.Outside];
            Assert.Equal(expected, scores[y], 3);
        }

        Assert.Equal(0, scores[NerLabels.Outside]);
    }
}
